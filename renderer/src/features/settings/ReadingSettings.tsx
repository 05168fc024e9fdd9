import { useId } from 'react';
import type { Settings } from '../../../../common/contract';
import { FONT_FAMILIES, FONT_FAMILY_LABELS, FONT_SIZE, LINE_HEIGHT, THEMES, themeLabel } from '../../../../common/settings';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { usePopover } from '../../components/usePopover';
import { useApiEvent } from '../../app/useApiEvent';
import { stepFontSize, stepLineHeight } from './readingMeasures';
import './ReadingSettings.css';

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

/** The "Aa" panel: theme, typeface, text size and line spacing, saved as they change. */
export function ReadingSettings({ settings, onChange }: Props) {
  const popover = usePopover();
  const panelId = useId();
  useApiEvent('menu.command', ({ command }) => {
    if (command === 'open-settings') popover.setOpen(true);
  });

  return (
    <div className="reading-settings">
      <IconButton
        ref={popover.buttonRef}
        icon="type"
        label="Reading settings"
        aria-expanded={popover.isOpen}
        aria-controls={panelId}
        onClick={popover.toggle}
      />
      <div
        ref={popover.panelRef}
        id={panelId}
        className="popover reading-settings-panel"
        role="group"
        aria-label="Reading settings"
        hidden={!popover.isOpen}
      >
        <fieldset className="segmented">
          <legend>Theme</legend>
          <div className="segmented-options">
            {THEMES.map((theme) => (
              <label key={theme} className={`segment theme-swatch theme-swatch-${theme}`}>
                <input
                  type="radio"
                  name={`${panelId}-theme`}
                  value={theme}
                  checked={settings.theme === theme}
                  onChange={() => onChange({ theme })}
                />
                <span>{themeLabel(theme)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="segmented">
          <legend>Typeface</legend>
          <div className="segmented-options">
            {FONT_FAMILIES.map((fontFamily) => (
              <label key={fontFamily} className={`segment font-${fontFamily}`}>
                <input
                  type="radio"
                  name={`${panelId}-font`}
                  value={fontFamily}
                  checked={settings.fontFamily === fontFamily}
                  onChange={() => onChange({ fontFamily })}
                />
                <span>{FONT_FAMILY_LABELS[fontFamily]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="stepper" role="group" aria-label="Text size">
          <span className="stepper-label" aria-hidden="true">
            Text size
          </span>
          <button
            type="button"
            aria-label="Smaller text"
            disabled={settings.fontSize <= FONT_SIZE.min}
            onClick={() => onChange({ fontSize: stepFontSize(settings.fontSize, -1) })}
          >
            <span aria-hidden="true" className="stepper-small">
              A
            </span>
          </button>
          <output className="stepper-value">{settings.fontSize} px</output>
          <button
            type="button"
            aria-label="Larger text"
            disabled={settings.fontSize >= FONT_SIZE.max}
            onClick={() => onChange({ fontSize: stepFontSize(settings.fontSize, 1) })}
          >
            <span aria-hidden="true" className="stepper-large">
              A
            </span>
          </button>
        </div>
        <div className="stepper" role="group" aria-label="Line spacing">
          <span className="stepper-label" aria-hidden="true">
            Line spacing
          </span>
          <button
            type="button"
            aria-label="Less line spacing"
            disabled={settings.lineHeight <= LINE_HEIGHT.min}
            onClick={() => onChange({ lineHeight: stepLineHeight(settings.lineHeight, -1) })}
          >
            <Icon name="down" />
          </button>
          <output className="stepper-value">{settings.lineHeight.toFixed(1)}</output>
          <button
            type="button"
            aria-label="More line spacing"
            disabled={settings.lineHeight >= LINE_HEIGHT.max}
            onClick={() => onChange({ lineHeight: stepLineHeight(settings.lineHeight, 1) })}
          >
            <Icon name="up" />
          </button>
        </div>
      </div>
    </div>
  );
}
