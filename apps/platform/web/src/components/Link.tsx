import type { MouseEvent, ReactNode } from 'react';
import { navigate, routePath, type Route } from '../router';

/** An in-page link: a real href (open in a new tab works), navigation without a reload. */
export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={routePath(to)} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
