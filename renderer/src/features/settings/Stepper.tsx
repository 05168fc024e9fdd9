import type { ReactNode } from 'react';

export interface Step {
  label: string;
  content: ReactNode;
  isDisabled: boolean;
  onClick: () => void;
}

interface Props {
  /** The group's name, shown as its label ("Text size"). */
  label: string;
  value: string;
  less: Step;
  more: Step;
}

function StepButton({ step }: { step: Step }) {
  return (
    <button type="button" aria-label={step.label} disabled={step.isDisabled} onClick={step.onClick}>
      {step.content}
    </button>
  );
}

/** A value with a step down and a step up on either side: one named group, two named buttons. */
export function Stepper({ label, value, less, more }: Props) {
  return (
    <div className="stepper" role="group" aria-label={label}>
      <span className="stepper-label" aria-hidden="true">
        {label}
      </span>
      <StepButton step={less} />
      <output className="stepper-value">{value}</output>
      <StepButton step={more} />
    </div>
  );
}
