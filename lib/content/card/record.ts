/**
 * A deputy's record on their line: figures with their date and source, worded neutrally; or the
 * one click that reads it, the same button while it is read and if that fails.
 */
import { FOLLOW_OVERLAY_MESSAGES } from '../../follows/overlay-words';
import { formatters, type Language } from '../../i18n';
import { element, setAttribute, setChildren, setText } from '../dom';
import { type DeputyRecordProps } from './props';

function dayOf(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

export interface RecordView {
  element: HTMLElement;
  update(props: DeputyRecordProps): void;
}

export function recordView(doc: Document, lang: Language): RecordView {
  const t = FOLLOW_OVERLAY_MESSAGES[lang];
  const f = formatters(lang);
  const wrapper = element(doc, 'span', { class: 'record' });
  let current: DeputyRecordProps | undefined;
  let ask: { button: HTMLButtonElement; failed: HTMLElement } | undefined;
  const askButton = () => {
    if (ask) return ask;
    const button = element(doc, 'button', { type: 'button', class: 'link-button', title: t.askRecordHelp(t.askRecordPages) });
    // Only the user acts (see toggle.ts).
    button.addEventListener('click', (event) => {
      if (event.isTrusted && current?.onAsk && !current.busy && !current.record) current.onAsk();
    });
    ask = { button, failed: element(doc, 'span', { class: 'watch__error', role: 'alert' }, ` ${t.recordFailed}`) };
    return ask;
  };
  const figures = element(doc, 'span', { class: 'record__figures' });
  const sourceWords = doc.createTextNode('');
  const sourceLink = element(doc, 'a', { rel: 'noopener' });
  const source = element(doc, 'span', { class: 'record__source' }, sourceWords, sourceLink);
  const unavailable = doc.createTextNode(t.recordUnavailable);
  return {
    element: wrapper,
    update(props) {
      current = props;
      const { record, busy, failed, onAsk } = props;
      setAttribute(wrapper, 'class', record || onAsk ? 'record' : 'record muted');
      if (record) {
        const { stats } = record;
        const delay = stats.medianDelayDays === undefined ? '' : ` ${t.recordDelay(f.count(stats.medianDelayDays))}`;
        const counts = t.recordFigures(
          f.count(stats.asked),
          f.count(stats.answered),
          f.count(stats.answeredInTime),
          f.count(stats.pending),
          f.count(stats.overdue),
        );
        setText(figures, counts + delay);
        setText(sourceWords, `${t.recordSource(f.date(dayOf(record.sweptAt)), f.date(dayOf(record.updatedAt)))} `);
        setAttribute(sourceLink, 'href', record.source);
        setText(sourceLink, record.source.replace(/^https:\/\//, ''));
        setChildren(wrapper, [figures, source]);
      } else if (onAsk) {
        const { button, failed: failure } = askButton();
        setAttribute(button, 'aria-busy', busy ? 'true' : undefined);
        setText(button, busy ? t.recordBusy : t.askRecord);
        setChildren(wrapper, failed ? [button, failure] : [button]);
      } else {
        setChildren(wrapper, [unavailable]);
      }
    },
  };
}
