/** One saved page at least per page kind, with the address it came from: the conventions test reads each in both DOMs. */
import { type PageKind } from '../../lib/sites';
import { type SiteFixture } from '../conventions/sites';

export const SITE_FIXTURES: Record<PageKind, readonly SiteFixture[]> = {
  'nosdeputes-question': [
    { file: 'nosdeputes/q-repondue.html', url: 'https://2017-2022.nosdeputes.fr/15/question/QE/24567' },
    { file: 'nosdeputes/q-retiree.html', url: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189' },
  ],
  'nosdeputes-deputy-questions': [
    { file: 'nosdeputes/list-deputy-questions.html', url: 'https://www.nosdeputes.fr/elise-morvan/questions' },
  ],
  'nosdeputes-search': [
    {
      file: 'nosdeputes/list-search-questions.html',
      url: 'https://www.nosdeputes.fr/recherche/?object_name=QuestionEcrite&tag=parlementaire%3Delise+morvan&sort=1',
    },
  ],
  'nosdeputes-deputy': [{ file: 'nosdeputes/deputy.html', url: 'https://www.nosdeputes.fr/elise-morvan' }],
  'nosdeputes-new-deputy-questions': [{ file: 'nosdeputes/qag-plusieurs.html', url: 'https://www.nosdeputes.fr/depute/elise-morvan/qag' }],
  'an-question': [
    { file: 'an/an-dyn-qe-repondue.html', url: 'https://questions.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020' },
    { file: 'an/an-dyn-qe-retiree.html', url: 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189' },
  ],
  'an-old-question': [{ file: 'an/an-old-qe.html', url: 'https://questions.assemblee-nationale.fr/q14/14-47351QE.htm' }],
  'an-deputy-questions': [
    { file: 'an/an-deputy-questions.html', url: 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions' },
  ],
  'senat-question': [
    { file: 'senat/senat-qe-repondue-2008-qSEQ080203308.html', url: 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html' },
    { file: 'senat/senat-qe-caduque-2022-qSEQ220628479.html', url: 'https://www.senat.fr/questions/base/2022/qSEQ220628479.html' },
  ],
  'senat-year-archive': [{ file: 'senat/synthetic-archive-2025.html', url: 'https://www.senat.fr/questions/base/2025/' }],
  'nossenateurs-question': [{ file: 'nossenateurs/q-repondue.html', url: 'https://archive.nossenateurs.fr/question/13/03308' }],
  'nossenateurs-senator-questions': [
    { file: 'nossenateurs/list-senator-questions.html', url: 'https://archive.nossenateurs.fr/jean-louis-masson/questions/ecrites' },
  ],
  'nossenateurs-search': [
    { file: 'nossenateurs/list-search.html', url: 'https://archive.nossenateurs.fr/rechercher/questions/questions%20%C3%A9crites' },
  ],
};
