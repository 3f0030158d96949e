/** A mention while the mention passes work on it; index.ts turns drafts into Mentions. */
import type { EntityType, MentionKind } from '../../core/types.js';

export interface MentionDraft {
  start: number;
  end: number;
  kind: MentionKind;
  type: EntityType;
  key: string;
  /** The name without titles, as written. */
  name?: string;
  roles: string[];
  affiliation: string | null;
  gender: 'm' | 'f' | null;
  plural: boolean;
  rule: string;
}
