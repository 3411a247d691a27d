// Presence lines: what LinkedIn shows under a name in a conversation header or chat bubble when
// the person is online or was recently ("Active now", "Active 2h ago", "Mobile • 5m ago",
// "Available on mobile", "Status is reachable"), in every UI language LinkedIn ships that we
// read (en, de, fr, es, pt, it, nl). They are never a headline: a headline is what the person
// wrote about themselves. Pure function, shared by the DOM reader and ingestion (which checks
// again, whichever layer sent a headline).

// Words LinkedIn uses for "active", "mobile", "available/reachable", "now", "ago".
const ACTIVE =
  '(?:active|aktiv|actif|active|activo|activa|ativo|ativa|attivo|attiva|actief|online|en ligne|en línea|on-line)';
const MOBILE = '(?:mobile|mobil|móvil|movil|celular|telemóvel|cellulare|mobiel|handy)';
const NOW = "(?:now|just now|jetzt|gerade|maintenant|à l[’']instant|ahora|agora|ora|adesso|nu|right now)";
// A relative time: "2h ago", "5m", "vor 2 Std.", "il y a 5 min", "hace 3 h", "há 2 h", "2 h fa", "2 u geleden", "1 d", "3w".
const NUM =
  '\\d{1,3}\\s*(?:s|sec|m|min|mins|minutes?|minuten?|minutos?|minuti|h|hr|hrs|hours?|std\\.?|stunden?|heures?|horas?|ore|u|uur|d|day|days|tag|tage|tagen|j|jours?|días?|dias?|giorni?|dagen?|w|wk|wks|weeks?|wochen?|sem\\.?|semaines?|semanas?|settimane?|weken?|mo|mos|months?|monate?n?|mois|mes(?:es)?|meses|mesi|maanden?)\\.?';
const AGO_BEFORE = '(?:vor|il y a|hace|há|ha|haz)';
const AGO_AFTER = '(?:ago|fa|geleden|atrás|atras)';
const REL = `(?:${AGO_BEFORE}\\s+${NUM}|${NUM}(?:\\s+${AGO_AFTER})?)`;

const PATTERNS: RegExp[] = [
  // "Active now", "Jetzt aktiv", "Actif maintenant", "Activo ahora", "Ativo agora", "Nu actief"
  new RegExp(`^(?:${ACTIVE}\\s+${NOW}|${NOW}\\s+${ACTIVE})$`, 'i'),
  // "Active 2h ago", "Aktiv vor 2 Std.", "Vor 2 Std. aktiv", "Actif il y a 2 h", "Activo hace 2 h", "2 u geleden actief"
  new RegExp(`^(?:(?:last\\s+)?${ACTIVE}\\s+${REL}|${REL}\\s+${ACTIVE})$`, 'i'),
  // "Mobile • 5m ago", "Mobil · vor 5 Min.", "Móvil • hace 5 min", "Celular • há 5 min"
  new RegExp(`^${MOBILE}\\s*[•·∙|-]?\\s*(?:${REL}|${NOW}|${ACTIVE})?$`, 'i'),
  // "Available on mobile", "Auf Mobilgerät verfügbar", "Disponible sur mobile", "Disponible en el móvil", "Disponível no celular"
  /^(?:available on mobile|auf (?:dem )?mobilger(?:ä|a)t (?:verfügbar|erreichbar)|(?:disponible|joignable) sur (?:le )?mobile|disponible en (?:el )?m(?:ó|o)vil|dispon(?:í|i)vel no (?:celular|telem(?:ó|o)vel)|disponibile su (?:dispositivo )?mobile|beschikbaar op mobiel)$/i,
  // "Reachable", "Erreichbar", "Joignable", "Localizable", "Disponible", "Status is online/offline/reachable/away"
  /^(?:reachable|erreichbar|joignable|localizable|disponible|dispon(?:í|i)vel|raggiungibile|bereikbaar|away|abwesend|absent|ausente|offline)$/i,
  /^(?:status is|statut\s*:|status\s*:|estado\s*:|status:)\s*\S+(?:\s\S+)?$/i,
  // A bare relative time: "2h ago", "5m", "vor 3 Std.", "il y a 2 h"
  new RegExp(`^${REL}$`, 'i'),
];

/** True when a line under a name is a presence indicator, not a headline. */
export function isPresenceLine(text: string | null | undefined): boolean {
  if (!text) return false;
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 60) return false;
  return PATTERNS.some((re) => re.test(s));
}
