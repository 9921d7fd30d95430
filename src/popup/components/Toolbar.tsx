interface ToolbarProps {
  /** Figures blurred until hovered. */
  privacy: boolean;
  /** The ticker bar on browsed pages. */
  showBar: boolean;
  onPrivacy: (on: boolean) => void;
  onShowBar: (on: boolean) => void;
}

/** The popup's footer controls: privacy mode and the bar switch. */
export function Toolbar({ privacy, showBar, onPrivacy, onShowBar }: ToolbarProps) {
  return (
    <footer class="toolbar">
      <button type="button" class="toolbar__toggle" aria-pressed={privacy} onClick={() => onPrivacy(!privacy)}>
        Privacy mode
      </button>
      <button type="button" role="switch" class="switch" aria-checked={showBar} onClick={() => onShowBar(!showBar)}>
        <span class="switch__track" aria-hidden="true">
          <span class="switch__thumb" />
        </span>
        Show ticker bar on pages
      </button>
    </footer>
  );
}
