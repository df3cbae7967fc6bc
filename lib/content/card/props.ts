/** What the background tells a card after it is drawn: whether its toggles are pressed, busy or failed. */
import { type FollowChamber } from '../../follows/chambers';
import { type RecordView } from '../../follows/messages';

export interface WatchProps {
  watched: boolean;
  busy: boolean;
  error?: boolean;
  /** Shown, disabled, until the background says whether the question is watched: the layout stays put. */
  pending?: boolean;
  onToggle: () => void;
}

export interface FollowProps {
  followed: boolean;
  busy: boolean;
  error?: boolean;
  /** Shown, disabled, until the background says whether it is followed: the card's layout stays put. */
  pending?: boolean;
  onToggle: () => void;
}

export interface DeputyRecordProps {
  record?: RecordView;
  busy: boolean;
  failed?: boolean;
  /** Absent where no page gives the deputy's identifier: the sweep needs it. */
  onAsk?: () => void;
}

/** « Suivre ce député » (or « ce sénateur ») and, for a deputy, their record, where the background has answered. */
export interface DeputyFollowSlot {
  follow: FollowProps;
  /** Absent for a senator: no record is read for the Sénat. */
  record?: DeputyRecordProps;
}

/** The ministry a card offers to follow, in the card's chamber, and whether it is followed. */
export interface MinistryFollowSlot extends FollowProps {
  title: string;
  chamber: FollowChamber;
}
