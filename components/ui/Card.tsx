// A bordered surface. With a title it becomes a labelled region with a header (title, description, actions).
import { useId, type ReactNode } from "react";
import { cn } from "./cn";

export type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links at the header's right. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Heading level of the title; h2 under a page's h1. */
  titleAs?: "h2" | "h3";
  /** No body padding, for a Table or a list that runs edge to edge. */
  flush?: boolean;
  className?: string;
  children?: ReactNode;
};

export function Card({
  title,
  description,
  actions,
  footer,
  titleAs: Heading = "h2",
  flush,
  className,
  children,
}: CardProps) {
  const titleId = useId();
  const hasHeader = Boolean(title || actions);
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      className={cn("rounded-lg border border-border bg-surface shadow-xs", className)}
    >
      {hasHeader && (
        <header className="flex items-start justify-between gap-4 border-b border-border px-5 py-4">
          <div className="min-w-0">
            {title && (
              <Heading id={titleId} className="text-sm font-semibold text-foreground">
                {title}
              </Heading>
            )}
            {description && <p className="mt-1 text-sm text-muted-foreground">{description}</p>}
          </div>
          {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
        </header>
      )}
      <div className={flush ? undefined : "p-5"}>{children}</div>
      {footer && <footer className="rounded-b-lg border-t border-border bg-muted/40 px-5 py-3">{footer}</footer>}
    </section>
  );
}
