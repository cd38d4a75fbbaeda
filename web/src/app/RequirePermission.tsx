import type { ReactNode } from 'react';
import { useHasPermission } from '../features/iam/hooks/useSession';
import { ForbiddenPage } from './ForbiddenPage';

export type RequirePermissionProps = { permission: string | null; children: ReactNode };

/** Renders the 403 page instead of `children` when the user lacks `permission`. */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  return useHasPermission(permission) ? children : <ForbiddenPage />;
}
