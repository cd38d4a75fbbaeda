import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ModulePlaceholder } from '../features/common/ModulePlaceholder';
import { demandsAdminRoutes } from '../features/demands/admin/routes';
import { DemandsPage } from '../features/demands/console/DemandsPage';
import { demandsConsoleRoutes } from '../features/demands/console/routes';
import { demandsMobileRoutes } from '../features/demands/mobile/routes';
import { demandsRatesRoutes } from '../features/demands/rates/routes';
import { HomePage } from '../features/home/pages/HomePage';
import { ChangePasswordPage } from '../features/iam/pages/ChangePasswordPage';
import { LoginPage } from '../features/iam/pages/LoginPage';
import { notificationsMobileRoutes } from '../features/notifications/routes';
import { OwnersPage, ownersPublicRoutes, ownersRoutes } from '../features/owners/routes';
import { ownersVotesMobileRoutes, ownersVotesRoutes } from '../features/owners/votes/routes';
import { PartyPage, partyRoutes } from '../features/party/routes';
import { PeoplePage, peopleRoutes } from '../features/people/routes';
import { ConsoleLayout } from './ConsoleLayout';
import { NotFoundPage } from './NotFoundPage';
import { type NavKey, navItems } from './navigation';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';

// The area pages carry ECharts (and the public page antd-mobile): loaded when first opened.
const AreaTreePage = lazy(() =>
  import('../features/areas/pages/AreaTreePage').then((m) => ({ default: m.AreaTreePage })),
);
const GridMapPage = lazy(() =>
  import('../features/areas/pages/GridMapPage').then((m) => ({ default: m.GridMapPage })),
);
const GridProfilePage = lazy(() =>
  import('../features/areas/pages/GridProfilePage').then((m) => ({ default: m.GridProfilePage })),
);
const TalentLedgerPage = lazy(() =>
  import('../features/people/pages/TalentLedgerPage').then((m) => ({ default: m.TalentLedgerPage })),
);
const ImportWizardPage = lazy(() =>
  import('../features/people/pages/ImportWizardPage').then((m) => ({ default: m.ImportWizardPage })),
);
const PublicGridPage = lazy(() =>
  import('../features/areas/pages/PublicGridPage').then((m) => ({ default: m.PublicGridPage })),
);

type PageLoadingProps = { children: ReactNode };

function PageLoading({ children }: PageLoadingProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <div style={{ padding: 48, display: 'grid', placeItems: 'center' }}>
          <Spin description={t('loading')} />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

/** Pages that exist; every other module in the navigation table shows the "being built" placeholder. */
const builtPages: Partial<Record<NavKey, ReactNode>> = {
  home: <HomePage />,
  areas: (
    <PageLoading>
      <AreaTreePage />
    </PageLoading>
  ),
  areasMap: (
    <PageLoading>
      <GridMapPage />
    </PageLoading>
  ),
  people: <PeoplePage />,
  party: <PartyPage />,
  owners: <OwnersPage />,
  demands: <DemandsPage />,
};

export type AppRoutesProps = Record<string, never>;

export function AppRoutes(_props: AppRoutesProps) {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* Public notice of a grid (grid regulation art. 6): residents open it from a QR code, without signing in. */}
      <Route
        path="/m/grids/:code"
        element={
          <PageLoading>
            <PublicGridPage />
          </PageLoading>
        }
      />
      {ownersVotesMobileRoutes}
      {ownersPublicRoutes}
      {demandsMobileRoutes}
      {notificationsMobileRoutes}
      <Route
        element={
          <RequireAuth>
            <ConsoleLayout />
          </RequireAuth>
        }
      >
        <Route path="/account/password" element={<ChangePasswordPage />} />
        {peopleRoutes}
        {partyRoutes}
        {ownersRoutes}
        {ownersVotesRoutes}
        {demandsConsoleRoutes}
        {demandsAdminRoutes}
        {demandsRatesRoutes}
        <Route
          path="/people/talents"
          element={
            <RequirePermission permission="people.read">
              <PageLoading>
                <TalentLedgerPage />
              </PageLoading>
            </RequirePermission>
          }
        />
        <Route
          path="/people/import"
          element={
            <RequirePermission permission="people.write">
              <PageLoading>
                <ImportWizardPage />
              </PageLoading>
            </RequirePermission>
          }
        />
        <Route
          path="/areas/grids/:code"
          element={
            <RequirePermission permission="areas.read">
              <PageLoading>
                <GridProfilePage />
              </PageLoading>
            </RequirePermission>
          }
        />
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
