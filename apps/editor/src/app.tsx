import type { ReactNode } from 'react';
import { DashboardPage } from './analytics/dashboard-page';
import { ApprovalCountProvider, useApprovalCount } from './approvals/approval-count-context';
import { ApprovalsPage } from './approvals/approvals-page';
import { Allowed, useCan, useGate } from './auth/allowed';
import { LoadError } from './auth/load-error';
import { SessionProvider, useSession } from './auth/session-context';
import { SignInPage } from './auth/sign-in-page';
import { UserMenu } from './auth/user-menu';
import { QueuePage } from './console/queue-page';
import { TicketPage } from './console/ticket-page';
import { FlowPage } from './editor/flow-page';
import { FailuresPage } from './failures/failures-page';
import { FlowsListPage } from './flows/flows-list-page';
import { useI18n } from './i18n/i18n-context';
import { LanguageSwitch } from './i18n/language-switch';
import { NotificationsBell } from './notifications/notifications-bell';
import { NotificationsProvider } from './notifications/notifications-context';
import { SecretsPage } from './secrets/secrets-page';
import { TracePage } from './trace/trace-page';
import { type Route, useHashRoute } from './use-hash-route';
import { UsersPage } from './users/users-page';

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  const canReadFlows = useCan('flows.read');
  const canWorkTickets = useCan('tickets.read');
  const secrets = useGate('secrets.read');
  const analytics = useGate('runtime.read');
  if (route.page === 'users') return <UsersPage />;
  if (route.page === 'approvals') return <ApprovalsPage key={route.filter} filter={route.filter} />;
  if (route.page === 'console') return <QueuePage key={route.view} view={route.view} />;
  if (route.page === 'ticket') return <TicketPage key={route.id} ticketId={route.id} />;
  if (route.page === 'trace')
    return <TracePage key={`${route.ticketId}/${route.flowId ?? ''}`} ticketId={route.ticketId} flowId={route.flowId} />;
  if (route.page === 'analytics') return analytics.allowed ? <DashboardPage /> : <p className="page-message error">{analytics.reason}</p>;
  if (route.page === 'secrets') return secrets.allowed ? <SecretsPage /> : <p className="page-message error">{secrets.reason}</p>;
  // Agents work tickets: without the designer, their home is their own queue.
  if (!canReadFlows && canWorkTickets) return <QueuePage view="mine" />;
  if (!canReadFlows)
    return (
      <p className="page-message" data-testid="no-pages">
        {t('user.noPages')}
      </p>
    );
  if (route.page === 'flow') return <FlowPage key={route.id} flowId={route.id} tab={route.tab} />;
  if (route.page === 'failures') return <FailuresPage />;
  return <FlowsListPage />;
}

/** Ops notifications for those who may see runtime figures; nobody else is asked every 30 s for a 403. */
function RuntimeNotifications({ children }: { children: ReactNode }) {
  return useCan('runtime.read') ? <NotificationsProvider>{children}</NotificationsProvider> : <>{children}</>;
}

/**
 * The approvals link, with how many wait: always for supervisors (the role approvals usually ask),
 * for anyone else only while something waits for them, so an agent's header stays their queue.
 */
function ApprovalsLink({ current }: { current: boolean }) {
  const { t } = useI18n();
  const { count } = useApprovalCount();
  const supervises = useCan('tickets.supervise');
  if (!supervises && !count) return null;
  return (
    <a href="#/approvals/waiting" data-testid="nav-approvals" aria-current={current ? 'page' : undefined}>
      {t('approvals.title')}
      {count ? (
        <span className="pill nav-badge" data-testid="approvals-badge" title={t('approvals.badge', { count })}>
          {count}
        </span>
      ) : null}
    </a>
  );
}

/** The signed-in shell: header with the pages this user may open, ops notifications, language and user menu, and the page the hash names. */
function SignedInApp() {
  const route = useHashRoute();
  const { t } = useI18n();
  return (
    <RuntimeNotifications>
      <ApprovalCountProvider>
        <div className="app">
          <header className="app-header">
            <a href="#/" className="brand">
              {t('app.title')}
            </a>
            <nav className="app-nav" aria-label={t('app.nav')}>
              <Allowed permission="flows.read">
                <a href="#/" aria-current={route.page === 'flows' ? 'page' : undefined}>
                  {t('flows.title')}
                </a>
              </Allowed>
              <Allowed permission="tickets.read">
                <a
                  href="#/console/mine"
                  data-testid="nav-console"
                  aria-current={route.page === 'console' || route.page === 'ticket' || route.page === 'trace' ? 'page' : undefined}
                >
                  {t('console.title')}
                </a>
              </Allowed>
              <ApprovalsLink current={route.page === 'approvals'} />
              <Allowed permission="secrets.read">
                <a href="#/secrets" data-testid="nav-secrets" aria-current={route.page === 'secrets' ? 'page' : undefined}>
                  {t('secrets.title')}
                </a>
              </Allowed>
              <Allowed permission="runtime.read">
                <a href="#/analytics" data-testid="nav-analytics" aria-current={route.page === 'analytics' ? 'page' : undefined}>
                  {t('analytics.nav')}
                </a>
              </Allowed>
              <Allowed permission="users.manage">
                <a href="#/users" data-testid="nav-users" aria-current={route.page === 'users' ? 'page' : undefined}>
                  {t('users.title')}
                </a>
              </Allowed>
            </nav>
            <div className="app-header-end">
              <Allowed permission="runtime.read">
                <NotificationsBell />
              </Allowed>
              <LanguageSwitch />
              <UserMenu />
            </div>
          </header>
          <main className="app-main">
            <Page route={route} />
          </main>
        </div>
      </ApprovalCountProvider>
    </RuntimeNotifications>
  );
}

function SessionGate() {
  const { session, reload } = useSession();
  const { t } = useI18n();
  if (session.status === 'loading') return <p className="page-message">{t('app.loading')}</p>;
  if (session.status === 'error') return <LoadError error={session.error} onRetry={reload} />;
  if (session.status === 'signed-out') return <SignInPage />;
  return <SignedInApp />;
}

/** The editor: the sign-in page until someone is signed in, then the shell. */
export function App() {
  return (
    <SessionProvider>
      <SessionGate />
    </SessionProvider>
  );
}
