/**
 * The Assemblée's legislatures since 1986 (reference/law.md §1, copied without its evidence
 * columns). The Senate's legacy `SEQ` files carry no legislature, yet the Senate numbers its
 * questions per Assemblée legislature (senat.md §1.1): a question's date tells which.
 */
import { type IsoDate } from '../../dates';

interface Legislature {
  number: number;
  first: IsoDate;
  /** Absent for the legislature in office. */
  last?: IsoDate;
}

const LEGISLATURES: readonly Legislature[] = [
  { number: 8, first: '1986-04-02', last: '1988-05-14' },
  { number: 9, first: '1988-06-23', last: '1993-04-01' },
  { number: 10, first: '1993-04-02', last: '1997-04-21' },
  { number: 11, first: '1997-06-12', last: '2002-06-18' },
  { number: 12, first: '2002-06-19', last: '2007-06-19' },
  { number: 13, first: '2007-06-20', last: '2012-06-19' },
  { number: 14, first: '2012-06-20', last: '2017-06-20' },
  { number: 15, first: '2017-06-21', last: '2022-06-21' },
  { number: 16, first: '2022-06-22', last: '2024-06-09' },
  { number: 17, first: '2024-07-18' },
];

/**
 * The legislature in office on `date`, or nothing before 1986 and between a dissolution and the
 * next Assembly, when which numbering the Senate used is not known.
 */
export function legislatureOn(date: IsoDate): number | undefined {
  // ISO dates compare as strings.
  return LEGISLATURES.find((l) => l.first <= date && (l.last === undefined || date <= l.last))?.number;
}
