"use client";
// A search box that reports what was typed after a pause (250 ms by default), so a list is not
// re-queried on every keystroke. Enter reports at once; Esc or the clear button empties it at once.
import { useEffect, useId, useRef, useState, type ComponentPropsWithRef } from "react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";
import { Icon } from "./Icon";
import { controlClasses, focusRing } from "./styles";

export type SearchInputProps = Omit<ComponentPropsWithRef<"input">, "value" | "defaultValue" | "onChange" | "type"> & {
  /** The applied query (e.g. from the URL); when it changes from outside, the box follows. */
  value?: string;
  /** Called with the query after the user pauses typing. */
  onChange: (value: string) => void;
  debounceMs?: number;
  /** Accessible name; defaults to common.search. */
  label?: string;
  wrapperClassName?: string;
};

export function SearchInput({
  value,
  onChange,
  debounceMs = 250,
  label,
  placeholder,
  className,
  wrapperClassName,
  id,
  onKeyDown,
  ref,
  ...rest
}: SearchInputProps) {
  const t = useTranslations("common");
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const [text, setText] = useState(value ?? "");
  const reported = useRef(value ?? "");
  const onChangeRef = useRef(onChange);

  useEffect(() => {
    onChangeRef.current = onChange;
  });

  // Follow the parent when it changes the query itself (e.g. "clear filters", back button).
  useEffect(() => {
    if (value !== undefined && value !== reported.current) {
      reported.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === reported.current) return;
    const timer = setTimeout(() => {
      reported.current = text;
      onChangeRef.current(text);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [text, debounceMs]);

  const reportNow = (next: string) => {
    setText(next);
    if (next === reported.current) return;
    reported.current = next;
    onChangeRef.current(next);
  };

  return (
    <div className={cn("relative", wrapperClassName)}>
      <label htmlFor={inputId} className="sr-only">
        {label ?? t("search")}
      </label>
      <Icon
        name="search"
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <input
        ref={ref}
        id={inputId}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={placeholder ?? t("searchPlaceholder")}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          onKeyDown?.(event);
          if (event.defaultPrevented) return;
          if (event.key === "Enter") {
            event.preventDefault();
            reportNow(text);
          } else if (event.key === "Escape" && text !== "") {
            event.preventDefault();
            reportNow("");
          }
        }}
        className={cn(controlClasses, "h-9 pr-8 pl-8 [&::-webkit-search-cancel-button]:appearance-none", className)}
        {...rest}
      />
      {text !== "" && (
        <button
          type="button"
          aria-label={t("clearSearch")}
          onClick={() => reportNow("")}
          className={cn(
            "absolute top-1/2 right-1.5 inline-flex size-6 -translate-y-1/2 cursor-pointer items-center justify-center rounded text-muted-foreground hover:bg-muted hover:text-foreground",
            focusRing,
          )}
        >
          <Icon name="x" className="size-3.5" />
        </button>
      )}
    </div>
  );
}
