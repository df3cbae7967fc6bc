/** The pages the e2e suite serves, at their real URLs, with what Vigie must show on each. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { html, type FixtureServer } from './server';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));
export const fixture = (name: string) => readFileSync(FIXTURES + name, 'utf8');

export interface ExpectedOverlay {
  id?: string;
  state?: string;
  deputy?: string;
  /** Words the overlay must say. */
  says?: string;
}

export interface FixturePage {
  url: string;
  body: () => string;
  status?: number;
  overlays: ExpectedOverlay[];
}

/** A NosDéputés deputy list of `count` questions, cycling through the three list statuses. */
export function bigNosdeputesList(count: number): string {
  const statuses = ['(Sans réponse)', '(Réponse le 30/01/24)', '(Retirée)'];
  const items = Array.from({ length: count }, (_, i) => {
    const number = 20000 + i;
    return `<div class="question" id="${90000 + i}"><div>
<h2><a href="/16/question/QE/${number}">Question Écrite N° ${number} du 03/10/23 (Ministère de l'intérieur et des outre-mer) ${statuses[i % 3]}</a></h2></div>
<div class="texte_question"><p>Thèmes : sécurité ; police</p><p>Question ${number} de démonstration.</p>
<div class="contexte"><a href="/16/question/QE/${number}">Lire la suite de la question</a></div></div></div>`;
  }).join('\n');
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Questions écrites d'Élise Morvan - NosDéputés.fr</title></head>
<body><div id="contenu"><div id="corps_page"><div class="contenu_page">
<div class="info_depute"><div class="depute_droite"><div><h1>Questions écrites d'<a href="/elise-morvan">Élise Morvan</a></h1></div></div></div>
<div class="questions"><p>${count} questions trouvées.</p></div>
<div class="interventions">${items}</div></div></div></div></body></html>`;
}

/** Every text Vigie copies from the page, replaced by markup that would run if it were parsed as HTML. */
export function hostileQuestionPage(): string {
  const attack = (tag: string) =>
    `&lt;img src=x onerror="window.__vigiePwned='${tag}'"&gt;&lt;script&gt;window.__vigiePwned='${tag}-script'&lt;/script&gt;`;
  return fixture('nosdeputes/q-repondue.html')
    .replace('<a href="/helene-vasseur">Hélène Vasseur</a>', `<a href="/helene-vasseur">Hélène ${attack('author')}</a>`)
    .replace("au Ministère de l'agriculture</h1>", `au Ministère ${attack('ministry')}</h1>`)
    .replace('<p>Le Gouvernement a fixé', `<p>${attack('answer')} Le Gouvernement a fixé`);
}

/** dd/mm/yyyy, `days` before today: a question still within its deadline whenever the suite runs. */
export function recentDeposit(days: number, now = new Date()): { display: string; iso: string } {
  const d = new Date(now.getTime() - days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split('-');
  return { display: `${day}/${m}/${y}`, iso };
}

/** The new NosDéputés site: a Next.js deputy page whose tabs change route without reloading. */
export function newSiteDeputyPage(): string {
  const accordion = (uid: string, title: string, answered: boolean, deposited: string) => `
<div class="MuiPaper-root MuiAccordion-root">
  <div class="MuiButtonBase-root MuiAccordionSummary-root" tabindex="0" role="button" aria-expanded="false" aria-controls="${uid}-pannel" id="${uid}-header">
    <div class="MuiAccordionSummary-content"><div class="MuiStack-root"><p class="MuiTypography-root">${title}</p>
    <div class="MuiChip-root"><span class="MuiChip-label">Santé</span></div><div class="MuiChip-root"><span class="MuiChip-label">QE</span></div></div></div>
  </div>
  <div class="MuiCollapse-root MuiCollapse-hidden"><div class="MuiCollapse-wrapper"><div class="MuiCollapse-wrapperInner">
    <div aria-labelledby="${uid}-header" id="${uid}-pannel" role="region" class="MuiAccordion-region"><div class="MuiAccordionDetails-root"><div class="MuiStack-root">
      <span class="MuiTypography-root MuiTypography-caption">N°${uid.replace(/^QANR5L17QE/, '')}</span>
      <div class="MuiTypography-root MuiTypography-body1"><p>Texte de la question ${uid}.</p></div>
      ${answered ? `<div class="MuiTypography-root MuiTypography-body1"><p>Texte de la réponse du ministre.</p></div>` : ''}
      <div class="MuiStack-root"><p class="MuiTypography-root">Envoyé à:&nbsp;<span>Santé et accès aux soins</span></p><p class="MuiTypography-root">Date de dépôt:&nbsp;<span>${deposited}</span></p></div>
    </div></div></div>
  </div></div></div>
</div>`;
  const list = [
    accordion('QANR5L17QE1201', 'Déserts médicaux en zone rurale', true, '08/10/2024'),
    accordion('QANR5L17QE2456', 'Remboursement des soins dentaires', false, '12/11/2024'),
    accordion('QANR5L17QE31877', 'Pénurie de médicaments', false, recentDeposit(5).display),
  ].join('');
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Élise Morvan - NosDéputés.fr</title>
<script src="/_next/static/chunks/main.js" async></script></head>
<body><div id="__next"><header><h1>Élise Morvan</h1><nav>
<a href="/depute/elise-morvan" data-route>Activité</a> <a href="/depute/elise-morvan/qag" data-route>Questions</a></nav></header>
<main id="tab"></main></div>
<template id="qag">${list}</template>
<script>
  const render = () => {
    const tab = document.getElementById('tab');
    tab.replaceChildren();
    if (location.pathname.endsWith('/qag')) tab.append(document.getElementById('qag').content.cloneNode(true));
    else tab.innerHTML = '<p>Activité récente de la députée.</p>';
  };
  // Client-side routing like Next.js: history API, DOM replaced in place, no reload.
  window.__navigate = (path) => { history.pushState({}, '', path); setTimeout(render, 30); };
  addEventListener('popstate', () => setTimeout(render, 30));
  document.addEventListener('click', (e) => { const a = e.target.closest('a[data-route]'); if (a) { e.preventDefault(); window.__navigate(a.getAttribute('href')); } });
  render();
</script></body></html>`;
}

export const FIXTURE_PAGES: FixturePage[] = [
  {
    url: 'https://2017-2022.nosdeputes.fr/15/question/QE/19189',
    body: () => fixture('nosdeputes/q-retiree.html'),
    overlays: [
      {
        id: 'AN-15-QE-19189',
        state: 'closed',
        says: 'Caduque — fin de la 15e législature (21 juin 2022), après 1 148 jours (1 087 j de retard)',
      },
    ],
  },
  {
    url: 'https://2017-2022.nosdeputes.fr/15/question/QE/24567',
    body: () => fixture('nosdeputes/q-repondue.html'),
    overlays: [{ id: 'AN-15-QE-24567', state: 'answered', says: 'Répondue en 70 jours (9 j de retard)' }],
  },
  {
    url: 'https://www.nosdeputes.fr/16/question/QE/12874',
    body: () => fixture('nosdeputes/q-sans-reponse.html'),
    // The 16th ended on 9 June 2024: « Sans réponse » on the page, lapsed for Vigie, late until then only.
    overlays: [
      {
        id: 'AN-16-QE-12874',
        state: 'closed',
        says: 'Caduque — fin de la 16e législature (9 juin 2024), après 215 jours (154 j de retard)',
      },
    ],
  },
  {
    url: 'https://www.nosdeputes.fr/elise-morvan/questions',
    body: () => fixture('nosdeputes/list-deputy-questions.html'),
    overlays: [
      { id: 'AN-16-QE-15230', state: 'closed' },
      { id: 'AN-16-QE-11907', state: 'answered', says: 'Répondue en 119 jours' },
      { id: 'AN-16-QE-12874', state: 'closed' },
      { id: 'AN-16-QE-9120', state: 'closed' },
      { id: 'AN-16-QE-6044', state: 'answered' },
    ],
  },
  {
    url: 'https://www.nosdeputes.fr/recherche/?object_name=QuestionEcrite&tag=parlementaire%3Delise+morvan&sort=1',
    body: () => fixture('nosdeputes/list-search-questions.html'),
    overlays: [
      { id: 'AN-16-QE-15230', state: 'closed' },
      { id: 'AN-16-QE-11907', state: 'answered' },
      { id: 'AN-16-QE-12874', state: 'closed' },
      { id: 'AN-16-QE-9120', state: 'closed' },
      { id: 'AN-16-QE-6044', state: 'answered' },
    ],
  },
  {
    url: 'https://2022-2024.nosdeputes.fr/marc-lestrade/questions',
    body: () => fixture('nosdeputes/list16-archive-deputy-questions.html'),
    overlays: [
      {
        id: 'AN-16-QE-14032',
        state: 'closed',
        says: 'Caduque — fin de la 16e législature (9 juin 2024), après 152 jours (92 j de retard)',
      },
      { id: 'AN-16-QE-15402', state: 'closed', says: 'Caduque — fin de la 16e législature (9 juin 2024), après 33 jours' },
      { id: 'AN-16-QE-10553', state: 'answered', says: 'Répondue en 77 jours (16 j de retard)' },
      { id: 'AN-16-QE-8810', state: 'closed', says: 'Close sans réponse' },
    ],
  },
  {
    url: 'https://2022-2024.nosdeputes.fr/16/question/QE/14032',
    body: () => fixture('nosdeputes/q16-archive-sans-reponse.html'),
    overlays: [
      {
        id: 'AN-16-QE-14032',
        state: 'closed',
        says: 'Caduque — fin de la 16e législature (9 juin 2024), après 152 jours (92 j de retard)',
      },
    ],
  },
  {
    url: 'https://www.nosdeputes.fr/elise-morvan',
    body: () => fixture('nosdeputes/deputy.html'),
    overlays: [{ deputy: 'elise-morvan', says: 'REN — Renaissance' }],
  },
  {
    url: 'https://www.assemblee-nationale.fr/dyn/15/questions/QANR5L15QE19189',
    body: () => fixture('an/an-dyn-qe-retiree.html'),
    overlays: [
      {
        id: 'AN-15-QE-19189',
        state: 'closed',
        says: 'Caduque — fin de la 15e législature (21 juin 2022), après 1 148 jours (1 087 j de retard)',
      },
    ],
  },
  {
    url: 'https://questions.assemblee-nationale.fr/dyn/16/questions/QANR5L16QE4020',
    body: () => fixture('an/an-dyn-qe-repondue.html'),
    overlays: [{ id: 'AN-16-QE-4020', state: 'answered', says: 'Répondue en 77 jours (15 j de retard)' }],
  },
  {
    url: 'https://questions.assemblee-nationale.fr/q14/14-47351QE.htm',
    body: () => fixture('an/an-old-qe.html'),
    overlays: [{ id: 'AN-14-QE-47351', state: 'answered', says: 'Répondue en 126 jours (95 j de retard)' }],
  },
  {
    url: 'https://www.assemblee-nationale.fr/dyn/deputes/PA795321/questions',
    body: () => fixture('an/an-deputy-questions.html'),
    overlays: [
      // The deputy whose list it is, under its heading: « Suivre ce député » and the record go there.
      { deputy: 'deputy:AN:17:PA795321', says: 'Fiche Assemblée nationale' },
      { id: 'AN-17-QE-4512', state: 'pending', says: 'En attente' },
      { id: 'AN-17-QE-4388', state: 'answered', says: 'Répondue' },
      { id: 'AN-17-QG-389', state: 'answered' },
      { id: 'AN-17-QE-3921', state: 'pending' },
      { id: 'AN-17-QE-3507', state: 'answered' },
      { id: 'AN-17-QOSD-164', state: 'answered' },
      { id: 'AN-17-QE-2990', state: 'pending' },
      { id: 'AN-17-QE-2714', state: 'answered' },
      { id: 'AN-17-QG-201', state: 'answered' },
      { id: 'AN-17-QE-1876', state: 'pending' },
      { id: 'AN-17-QE-1234', state: 'answered' },
      { id: 'AN-17-QE-905', state: 'pending' },
    ],
  },
  {
    url: 'https://www.senat.fr/questions/base/2008/qSEQ080203308.html',
    body: () => fixture('senat/senat-qe-repondue-2008-qSEQ080203308.html'),
    overlays: [{ id: 'SEN-13-QE-3308', state: 'answered', says: 'Répondue en 63 jours (34 j de retard)' }],
  },
  {
    url: 'https://www.senat.fr/questions/base/2022/qSEQ220628479.html',
    body: () => fixture('senat/senat-qe-caduque-2022-qSEQ220628479.html'),
    overlays: [{ id: 'SEN-15-QE-28479', state: 'closed', says: 'Caduque — caducité collective du 30 juin 2022' }],
  },
  {
    url: 'https://www2.senat.fr/questions/base/1987/qSEQ870305017.html',
    body: () => fixture('senat/senat-qe-ancien-format-1987-qSEQ870305017.html'),
    overlays: [{ id: 'SEN-8-QE-5017', state: 'answered', says: 'Répondue en 28 jours' }],
  },
  {
    url: 'https://www.senat.fr/questions/base/2025/qSEQ250199999.html',
    body: () => fixture('senat/synthetic-qe-en-attente-transmise.html'),
    overlays: [{ id: 'SEN-17-QE-99999', state: 'overdue', says: 'Transmise au Ministère de l' }],
  },
  {
    url: 'https://www.senat.fr/questions/base/2025/',
    body: () => fixture('senat/synthetic-archive-2025.html'),
    overlays: [
      { id: 'SEN-17-QE-99999', state: 'unknown' },
      { id: 'SEN-17-QE-99998', state: 'unknown' },
      { id: 'SEN-17-QE-4208', state: 'unknown' },
    ],
  },
  {
    url: 'https://archive.nossenateurs.fr/question/13/03308',
    body: () => fixture('nossenateurs/q-repondue.html'),
    overlays: [{ id: 'SEN-13-QE-3308', state: 'answered', says: 'Répondue en 63 jours (34 j de retard)' }],
  },
  {
    url: 'https://archive.nossenateurs.fr/jean-louis-masson/questions/ecrites',
    body: () => fixture('nossenateurs/list-senator-questions.html'),
    overlays: [
      // The senator whose list it is, under its heading: « Suivre ce sénateur » goes there.
      { deputy: 'deputy:SENAT:jean-louis-masson', says: 'Fiche NosSénateurs' },
      { id: 'SEN-13-QE-3308', state: 'unknown' },
      { id: 'SEN-15-QE-7406', state: 'unknown' },
      { id: 'SEN-15-QE-1', state: 'unknown' },
    ],
  },
  {
    url: 'https://archive.nossenateurs.fr/rechercher/questions/questions%20%C3%A9crites',
    body: () => fixture('nossenateurs/list-search.html'),
    overlays: [
      { id: 'SEN-13-QE-3308', state: 'answered', says: 'Répondue en 63 jours (34 j de retard)' },
      { id: 'SEN-15-QE-28479', state: 'closed', says: 'Caduque' },
      { id: 'SEN-16-QE-9876', state: 'unknown' },
    ],
  },
  {
    url: 'https://www.nosdeputes.fr/depute/elise-morvan/qag',
    body: newSiteDeputyPage,
    overlays: [
      { id: 'AN-17-QE-1201', state: 'answered' },
      { id: 'AN-17-QE-2456', state: 'overdue' },
      { id: 'AN-17-QE-31877', state: 'pending', says: 'En attente' },
    ],
  },
];

/** Registers every fixture page, plus the generated ones, on the server. */
export function serveSite(server: FixtureServer): void {
  for (const page of FIXTURE_PAGES) {
    const url = new URL(page.url);
    server.routes.set(url.hostname + url.pathname, () => html(page.body(), page.status));
  }
  server.routes.set('www.nosdeputes.fr/depute/elise-morvan', () => html(newSiteDeputyPage()));
  server.routes.set('www.nosdeputes.fr/gros-volume/questions', () => html(bigNosdeputesList(300)));
  server.routes.set('2017-2022.nosdeputes.fr/15/question/QE/666', () => html(hostileQuestionPage().replaceAll('24567', '666')));
  server.routes.set('www.nosdeputes.fr/16/question/QE/99999', () =>
    html(
      '<!doctype html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>',
      503,
    ),
  );
  server.routes.set('www.assemblee-nationale.fr/dyn/17/questions/QANR5L17QE404', () =>
    html(
      '<!doctype html><html lang="fr"><head><title>Page introuvable - Assemblée nationale</title></head><body><main><h1>Page introuvable</h1><p>La page demandée n’existe pas.</p></main></body></html>',
      404,
    ),
  );
}
