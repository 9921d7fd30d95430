/** The badge's colours, on their own so a test can read them without the background's imports. */
export const BADGE_COLOURS = { up: '#0a7d32', down: '#c62828', muted: '#6b7280', alert: '#b45309' } as const;
