// Label + control + hint + error, wired for assistive technology: the control gets the id, aria-invalid
// and aria-describedby (error first, then hint) through a render prop, so any control works.
//   <FormField label={t("name")} hint={t("nameHint")} error={errors.name?.message} required>
//     {(field) => <Input {...field} {...register("name")} />}
//   </FormField>
import { useId, type ReactNode } from "react";
import { cn } from "./cn";
import { Label } from "./Label";

export type FormFieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

export type FormFieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  /** A message says what is wrong and how to fix it; its presence marks the control invalid. */
  error?: ReactNode;
  required?: boolean;
  /** Id for the control; generated when omitted. */
  id?: string;
  className?: string;
  children: (control: FormFieldControlProps) => ReactNode;
};

export function FormField({ label, hint, error, required, id, className, children }: FormFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== "";
  const describedBy = [hasError && errorId, hint && hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={controlId} required={required}>
        {label}
      </Label>
      {children({
        id: controlId,
        "aria-describedby": describedBy,
        "aria-invalid": hasError ? true : undefined,
        // aria-required, not `required`: the browser's own validation bubble would pre-empt the
        // form's translated, schema-driven messages.
        "aria-required": required ? true : undefined,
      })}
      {hasError && (
        <p id={errorId} className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}
