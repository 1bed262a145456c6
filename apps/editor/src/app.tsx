import { FlowPage } from './editor/flow-page';
import { FlowsListPage } from './flows/flows-list-page';
import { useI18n } from './i18n/i18n-context';
import { LanguageSwitch } from './i18n/language-switch';
import { NotificationsBell } from './notifications/notifications-bell';
import { NotificationsProvider } from './notifications/notifications-context';
import { SecretsPage } from './secrets/secrets-page';
import { type Route, useHashRoute } from './use-hash-route';

function Page({ route }: { route: Route }) {
  if (route.page === 'flow') return <FlowPage key={route.id} flowId={route.id} tab={route.tab} />;
  if (route.page === 'secrets') return <SecretsPage />;
  return <FlowsListPage />;
}

/** The shell: header with the pages, ops notifications and the language switch, and the page the hash names. */
export function App() {
  const route = useHashRoute();
  const { t } = useI18n();
  return (
    <NotificationsProvider>
      <div className="app">
        <header className="app-header">
          <a href="#/" className="brand">
            {t('app.title')}
          </a>
          <nav className="app-nav" aria-label={t('app.nav')}>
            <a href="#/" aria-current={route.page === 'flows' ? 'page' : undefined}>
              {t('flows.title')}
            </a>
            <a href="#/secrets" data-testid="nav-secrets" aria-current={route.page === 'secrets' ? 'page' : undefined}>
              {t('secrets.title')}
            </a>
          </nav>
          <div className="app-header-end">
            <NotificationsBell />
            <LanguageSwitch />
          </div>
        </header>
        <main className="app-main">
          <Page route={route} />
        </main>
      </div>
    </NotificationsProvider>
  );
}
