import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';

/** Asks before an external link leaves the app, showing the whole address so it can be checked. */
export function LinkDialog({ url, onConfirm, onCancel }: { url: string | null; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog isOpen={url !== null} title="Open this link in your browser?" onClose={onCancel}>
      <p className="dialog-text">The link leaves Offprint and goes to:</p>
      <p className="dialog-url">
        <code>{url}</code>
      </p>
      <div className="dialog-actions">
        <Button variant="secondary" autoFocus onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" onClick={onConfirm}>
          Open link
        </Button>
      </div>
    </Dialog>
  );
}
