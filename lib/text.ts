// Text normal forms shared across layers (content scripts, ingestion, the v3 repair, reply intent),
// one copy each. Pure, imports nothing: the content scripts bundle what they use of it.

/**
 * Text compared for "the same message" (the cross-layer fallback match, an invitation note shown
 * again, a send the DOM saw and the network layer reported): case, whitespace and quotes folded.
 */
export function normText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text and patterns compared without diacritics ("reponse automatique", "nao entregue" are written
 * as often as the accented forms): classification and reply intent put both through this.
 */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');
