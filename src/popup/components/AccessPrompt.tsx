interface AccessPromptProps {
  /** Called from the button's click, the user gesture the permission request needs. */
  onGrant: () => void;
}

/** Shown when the browser withholds access to the data sources (Firefox lets users do so). */
export function AccessPrompt({ onGrant }: AccessPromptProps) {
  return (
    <div class="notice notice--access" role="alert">
      <p>To show prices and stories, allow this extension to read dps.psx.com.pk, brecorder.com and psxterminal.com.</p>
      <button type="button" class="button" onClick={onGrant}>
        Allow access
      </button>
    </div>
  );
}
