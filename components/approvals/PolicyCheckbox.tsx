"use client";
// One yes/no setting of the approval policy: a checkbox with its label and a hint under it.
import type { UseFormRegisterReturn } from "react-hook-form";

export function PolicyCheckbox(props: { id: string; label: string; hint: string; field: UseFormRegisterReturn }) {
  return (
    <div className="flex items-start gap-2 sm:col-span-2">
      <input
        id={props.id}
        type="checkbox"
        className="mt-0.5 size-4 accent-primary"
        aria-describedby={`${props.id}-hint`}
        {...props.field}
      />
      <div>
        <label htmlFor={props.id} className="text-sm font-medium">
          {props.label}
        </label>
        <p id={`${props.id}-hint`} className="text-xs text-muted-foreground">
          {props.hint}
        </p>
      </div>
    </div>
  );
}
