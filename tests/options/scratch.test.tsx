// @vitest-environment happy-dom
import { it, expect } from 'vitest';
import { toRow } from '../../lib/watchlist';
import { makeRecord, makeRef, TODAY, NOW } from '../store/helpers';
import { exportFileSchema, checkImportFile, exportWatches } from '../../lib/exchange';
it('scratch', async () => {
  const r = toRow(makeRecord(), TODAY);
  console.log(JSON.stringify(r, null, 1));
  const ref = makeRef({ title: 'Éducation' });
  console.log(JSON.stringify(toRow(makeRecord({ id: ref.id, ref, question: undefined }), TODAY).status));
  const input = document.createElement('input');
  input.type = 'file';
  document.body.append(input);
  const file = new File(['{"a":1}'], 'x.json', { type: 'application/json' });
  console.log('text', await file.text());
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  console.log('value', JSON.stringify(input.value));
  input.value = '';
  console.log('value2', JSON.stringify(input.value), input.files?.length);
  const f = exportWatches([makeRecord(), makeRecord()], NOW);
  console.log(JSON.stringify(checkImportFile(f)));
  console.log(JSON.stringify(checkImportFile({ ...f, watches: [{ ...f.watches[0], question: { ...f.watches[0]!.question, number: -1 } }] })));
  console.log(JSON.stringify(checkImportFile({ ...f, watches: [{ ...f.watches[0], seen: 'x' }] })));
  console.log(JSON.stringify(checkImportFile({ ...f, exportedAt: undefined })));
});
