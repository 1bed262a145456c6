import { FlowPage } from './editor/flow-page';
import { FlowsListPage } from './flows/flows-list-page';
import { useI18n } from './i18n/i18n-context';
import { LanguageSwitch } from './i18n/language-switch';
import { useHashRoute } from './use-hash-route';

/** The shell: header with the language switch, and the page the hash names. */
export function App() {
  const route = useHashRoute();
  const { t } = useI18n();
  return (
    <div className="app">
      <header className="app-header">
        <a href="#/" className="brand">
          {t('app.title')}
        </a>
        <LanguageSwitch />
      </header>
      <main className="app-main">{route.page === 'flow' ? <FlowPage key={route.id} flowId={route.id} /> : <FlowsListPage />}</main>
    </div>
  );
}
