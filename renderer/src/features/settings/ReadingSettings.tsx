import { useId } from 'react';
import type { Settings } from '../../../../common/contract';
import { FONT_FAMILIES, FONT_FAMILY_LABELS, FONT_SIZE, LINE_HEIGHT, LINE_WIDTH, THEMES, themeLabel } from '../../../../common/settings';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';
import { usePopover } from '../../components/usePopover';
import { useApiEvent } from '../../app/useApiEvent';
import { stepFontSize, stepLineHeight, stepLineWidth } from './readingMeasures';
import { Stepper } from './Stepper';
import './ReadingSettings.css';

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

/** The "Aa" panel: theme, typeface, text size, line spacing and width, justification; saved as they change. */
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
        <Stepper
          label="Text size"
          value={`${settings.fontSize} px`}
          less={{
            label: 'Smaller text',
            content: (
              <span aria-hidden="true" className="stepper-small">
                A
              </span>
            ),
            isDisabled: settings.fontSize <= FONT_SIZE.min,
            onClick: () => onChange({ fontSize: stepFontSize(settings.fontSize, -1) }),
          }}
          more={{
            label: 'Larger text',
            content: (
              <span aria-hidden="true" className="stepper-large">
                A
              </span>
            ),
            isDisabled: settings.fontSize >= FONT_SIZE.max,
            onClick: () => onChange({ fontSize: stepFontSize(settings.fontSize, 1) }),
          }}
        />
        <Stepper
          label="Line spacing"
          value={settings.lineHeight.toFixed(1)}
          less={{
            label: 'Less line spacing',
            content: <Icon name="down" />,
            isDisabled: settings.lineHeight <= LINE_HEIGHT.min,
            onClick: () => onChange({ lineHeight: stepLineHeight(settings.lineHeight, -1) }),
          }}
          more={{
            label: 'More line spacing',
            content: <Icon name="up" />,
            isDisabled: settings.lineHeight >= LINE_HEIGHT.max,
            onClick: () => onChange({ lineHeight: stepLineHeight(settings.lineHeight, 1) }),
          }}
        />
        <Stepper
          label="Line width"
          value={`${settings.lineWidth} ch`}
          less={{
            label: 'Narrower lines',
            content: <Icon name="narrower" />,
            isDisabled: settings.lineWidth <= LINE_WIDTH.min,
            onClick: () => onChange({ lineWidth: stepLineWidth(settings.lineWidth, -1) }),
          }}
          more={{
            label: 'Wider lines',
            content: <Icon name="wider" />,
            isDisabled: settings.lineWidth >= LINE_WIDTH.max,
            onClick: () => onChange({ lineWidth: stepLineWidth(settings.lineWidth, 1) }),
          }}
        />
        <label className="check-row">
          <input type="checkbox" checked={settings.justify} onChange={(e) => onChange({ justify: e.target.checked })} />
          <span>Justify and hyphenate</span>
        </label>
      </div>
    </div>
  );
}
