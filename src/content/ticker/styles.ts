/**
 * The bar's styles, inside its closed shadow root. Page rules cannot select these elements,
 * but inherited properties still flow in from the host, which a page rule like
 * `* { color: red !important }` can reach: so every element sets its own colour, font and size.
 */
export const BAR_HEIGHT_PX = 32;

/** Nastaliq where the system has it, Naskh otherwise; figures and symbol codes keep the Latin font. */
const URDU_FONTS = '"Noto Nastaliq Urdu", "Jameel Noori Nastaleeq", "Urdu Typesetting", "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", sans-serif';

/*
 * The host's own box is set with !important from inside the shadow root, which beats the page's
 * !important rules for the host element (and its inline styles): so position and visibility
 * are switched with attributes, never with inline styles the shadow rules would override.
 */
export const BAR_CSS = `
:host { position: fixed !important; top: 0 !important; bottom: auto !important; inset-inline: 0 !important;
  width: auto !important; min-width: 0 !important; max-width: none !important; margin: 0 !important; padding: 0 !important;
  height: ${BAR_HEIGHT_PX}px !important; z-index: 2147483647 !important; display: block !important; visibility: visible !important;
  opacity: 1 !important; transform: none !important; filter: none !important; clip-path: none !important;
  contain: strict !important; pointer-events: auto !important; }
:host([data-position="bottom"]) { top: auto !important; bottom: 0 !important; }
:host([data-hidden]) { display: none !important; }
.bar, .bar * { box-sizing: border-box; margin: 0; padding: 0; border: 0; color: #e8eaed; background: none;
  font: 500 13px/${BAR_HEIGHT_PX}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  letter-spacing: normal; text-transform: none; text-decoration: none; text-shadow: none; font-variant-numeric: tabular-nums; }
.bar { position: absolute; inset: 0; display: flex; overflow: hidden; background: #101418; white-space: nowrap;
  border-bottom: 1px solid #2b3036; }
.chip { flex: none; padding: 0 10px; background: #0b5cad; color: #fff; font-weight: 600; }
.viewport { flex: 1; overflow: hidden; position: relative; }
.track { display: inline-flex; will-change: transform; animation: psx-scroll var(--duration, 60s) linear infinite; }
.bar:hover .track, .bar:focus-within .track, .bar.paused .track { animation-play-state: paused; }
@keyframes psx-scroll { from { transform: translateX(0); } to { transform: translateX(-50%); } }
.bar[dir="rtl"] .track { animation-name: psx-scroll-rtl; }
@keyframes psx-scroll-rtl { from { transform: translateX(0); } to { transform: translateX(50%); } }
.item { padding: 0 14px; }
.symbol { font-weight: 700; color: #ffffff; }
.alerted { outline: 2px solid #f59e0b; outline-offset: 1px; border-radius: 3px; background: rgba(245, 158, 11, 0.18); }
.alert-word { font-size: 10px; font-weight: 700; letter-spacing: .04em; color: #1a1a1a; background: #f59e0b; border-radius: 2px; padding: 0 3px; }
.up { color: #4cc476; } .down { color: #ff6b6b; } .unchanged { color: #9aa3ad; }
a.story { color: #9ecbff; cursor: pointer; } a.story:hover, a.story:focus { text-decoration: underline; }
.story { color: #d0d4d9; }
.close { flex: none; width: 32px; cursor: pointer; color: #9aa3ad; font-size: 16px; text-align: center; }
.close:hover, .close:focus { color: #ffffff; }
.menu { position: absolute; inset-inline-end: 36px; top: 2px; display: flex; gap: 6px; background: #101418; }
.menu[hidden] { display: none; }
.menu button { cursor: pointer; padding: 0 8px; line-height: 26px; border: 1px solid #2b3036; border-radius: 4px; color: #e8eaed; font-size: 12px; }
.bar:lang(ur) .chip, .bar:lang(ur) .menu button, .bar:lang(ur) .alert-word, .story:lang(ur) { font-family: ${URDU_FONTS}; letter-spacing: normal; }
.bar:lang(ur) .chip, .story:lang(ur) { font-size: 14px; }
:focus-visible { outline: 2px solid #9ecbff; outline-offset: -2px; }
@media (prefers-reduced-motion: reduce) { .track { animation: none; } }
`;
