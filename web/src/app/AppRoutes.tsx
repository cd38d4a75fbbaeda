import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { ModulePlaceholder } from '../features/common/ModulePlaceholder';
import { HomePage } from '../features/home/pages/HomePage';
import { ChangePasswordPage } from '../features/iam/pages/ChangePasswordPage';
import { LoginPage } from '../features/iam/pages/LoginPage';
import { ConsoleLayout } from './ConsoleLayout';
import { NotFoundPage } from './NotFoundPage';
import { type NavKey, navItems } from './navigation';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';

/** Pages that exist; every other module in the navigation table shows the "being built" placeholder. */
const builtPages: Partial<Record<NavKey, ReactNode>> = {
  home: <HomePage />,
};

export type AppRoutesProps = Record<string, never>;

export function AppRoutes(_props: AppRoutesProps) {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <ConsoleLayout />
          </RequireAuth>
        }
      >
        <Route path="/account/password" element={<ChangePasswordPage />} />
        {navItems.map((item) => (
          <Route
            key={item.key}
            path={item.path}
            element={
              <RequirePermission permission={item.permission}>
                {builtPages[item.key] ?? <ModulePlaceholder moduleKey={item.key} />}
              </RequirePermission>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
