/** The application frame: which library is open, the navigation, and the current screen. */
import { useCallback, useEffect, useState } from 'react';
import type { LibraryInfo, Lists } from '../../shared/domain';
import { call, messageOf, onCommand, runHistory } from './api';
import { isTextTarget } from './ui/keys';
import { useGlobalShortcuts } from './ui/shortcuts';
import { LibraryScreen } from './features/library/library-screen';
import { NetworkShareBanner } from './features/library/network-share-banner';
import { ProjectScreen } from './features/projects/project-screen';
import { SettingsScreen } from './features/settings/settings-screen';
import { DispatchScreen } from './features/dispatch/dispatch-screen';
import { RankingScreen } from './features/ranking/ranking-screen';
import { AnalysisScreen } from './features/analysis/analysis-screen';
import type { ProjectSelection } from './ui/selection';
import { DraftsScreen } from './features/drafts/drafts-screen';
import { ProblemsScreen } from './features/problems/problems-screen';
import { SupervisionScreen } from './features/supervision/supervision-screen';
import { LeadersScreen } from './features/leaders/leaders-screen';
import { LedgersScreen } from './features/ledgers/ledgers-screen';
import { LifecycleScreen } from './features/lifecycle/lifecycle-screen';

interface Loaded {
  library: LibraryInfo;
  lists: Lists;
}

export function App() {
  const [nativeDialogs, setNativeDialogs] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // 切换项目库…: the library screen over the library still open, with 返回 to it.
  const [switching, setSwitching] = useState(false);
  const [view, setView] = useState<'projects' | 'dispatch' | 'analysis' | 'ranking' | 'problems' | 'supervision' | 'lifecycle' | 'leaders' | 'ledgers' | 'drafts' | 'settings'>('projects');
  // Projects handed from 统计分析 to 项目库 or 月调度 for editing; cleared by the chip there.
  const [selection, setSelection] = useState<{ view: 'projects' | 'dispatch'; selection: ProjectSelection } | null>(null);

  const [notice, setNotice] = useState<string | null>(null);
  const say = useCallback((text: string) => {
    setNotice(text);
    setTimeout(() => setNotice((n) => (n === text ? null : n)), 4000);
  }, []);
  useGlobalShortcuts(say);

  const load = useCallback(async () => {
    try {
      const info = await call('app.info', {});
      setNativeDialogs(info.nativeDialogs);
      const library = await call('library.current', {});
      setLoaded(library ? { library, lists: await call('lists.get', {}) } : null);
      setSwitching(false);
    } catch (err) {
      setProblem(messageOf(err));
      setLoaded(null);
    } finally {
      setReady(true);
    }
  }, []);

  const reloadLists = useCallback(() => {
    call('lists.get', {}).then(
      (lists) => setLoaded((l) => (l ? { ...l, lists } : l)),
      (err) => setProblem(messageOf(err)),
    );
  }, []);

  useEffect(() => {
    void load();
    return onCommand((c) => {
      if (c === 'library.changed') void load();
      // The file menu's import and export act on the project library.
      if (c === 'import.projects' || c === 'import.progress' || c === 'export.projects') setView('projects');
    });
  }, [load]);

  // Ctrl+Z / Ctrl+Y (the menu's in Electron, the keyboard's in the browser): in a text field they
  // undo typing; elsewhere they undo the library's last change, whichever screen is shown.
  useEffect(() => {
    const act = (direction: 'undo' | 'redo') => {
      if (isTextTarget(document.activeElement)) document.execCommand(direction);
      else void runHistory(direction);
    };
    const fromMenu = onCommand((c) => {
      if (c === 'history.undo') act('undo');
      if (c === 'history.redo') act('redo');
    });
    if (window.kpw) return fromMenu; // in Electron the menu's accelerators raise the commands
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTextTarget(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        act('undo');
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        act('redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      fromMenu();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  useEffect(() => {
    document.title = loaded ? `重点项目工作台 — ${loaded.library.path}` : '重点项目工作台';
  }, [loaded]);

  if (!ready) return <div className="loading">正在打开项目库…</div>;
  if (!loaded) return <LibraryScreen nativeDialogs={nativeDialogs} problem={problem} onOpened={() => void load()} />;

  return (
    <>
      {/* Over the screens, which stay mounted (hidden) so 返回 finds them as they were. */}
      {switching && <LibraryScreen nativeDialogs={nativeDialogs} problem={null} current={loaded.library} onBack={() => setSwitching(false)} onOpened={() => void load()} />}
      <div className="app" hidden={switching}>
        <header className="appbar">
          <span className="brand">重点项目工作台</span>
          <nav aria-label="导航">
            {(
              [
                ['projects', '项目库'],
                ['dispatch', '月调度'],
                ['analysis', '统计分析'],
                ['ranking', '赛马'],
                ['problems', '问题清单'],
                ['supervision', '督办'],
                ['lifecycle', '前期手续'],
                ['leaders', '包联'],
                ['ledgers', '台账'],
                ['drafts', '材料生成'],
                ['settings', '设置'],
              ] as const
            ).map(([key, label]) => (
              <button key={key} className={`nav ${view === key ? 'active' : ''}`} aria-current={view === key ? 'page' : undefined} onClick={() => setView(key)}>
                {label}
              </button>
            ))}
          </nav>
          <span className="spacer" />
          <span className="library-path" title={loaded.library.path}>
            {loaded.library.path}
          </span>
          <button onClick={() => setSwitching(true)} title="打开或新建其他项目库">
            切换项目库…
          </button>
        </header>
        {notice && (
          <div className="toast" role="status" data-testid="notice">
            {notice}
          </div>
        )}
        {loaded.library.readOnly && (
          <div className="banner readonly" role="alert" data-testid="readonly-banner">
            只读：{loaded.library.readOnlyReason}
          </div>
        )}
        <NetworkShareBanner library={loaded.library} onOpened={() => void load()} />
        {/* The project screen stays mounted (hidden) under 设置, keeping its filters, sort and scroll. */}
        <div className="view" hidden={view !== 'projects'}>
          <ProjectScreen
            key={loaded.library.path}
            library={loaded.library}
            lists={loaded.lists}
            onListsChanged={reloadLists}
            selection={selection?.view === 'projects' ? selection.selection : null}
            onClearSelection={() => setSelection(null)}
          />
        </div>
        {view === 'dispatch' && (
          <DispatchScreen
            library={loaded.library}
            years={loaded.lists.years}
            selection={selection?.view === 'dispatch' ? selection.selection : null}
            onClearSelection={() => setSelection(null)}
          />
        )}
        {view === 'analysis' && (
          <AnalysisScreen
            lists={loaded.lists}
            onEdit={(target, picked) => {
              setSelection({ view: target, selection: picked });
              setView(target);
            }}
          />
        )}
        {view === 'ranking' && (
          <RankingScreen
            years={loaded.lists.years}
            onEdit={(target, picked) => {
              setSelection({ view: target, selection: picked });
              setView(target);
            }}
          />
        )}
        {view === 'problems' && <ProblemsScreen years={loaded.lists.years} readOnly={loaded.library.readOnly} />}
        {view === 'supervision' && <SupervisionScreen years={loaded.lists.years} readOnly={loaded.library.readOnly} />}
        {view === 'lifecycle' && <LifecycleScreen lists={loaded.lists} readOnly={loaded.library.readOnly} />}
        {view === 'leaders' && <LeadersScreen lists={loaded.lists} />}
        {view === 'ledgers' && <LedgersScreen readOnly={loaded.library.readOnly} years={loaded.lists.years} />}
        {view === 'drafts' && <DraftsScreen lists={loaded.lists} readOnly={loaded.library.readOnly} />}
        {view === 'settings' && (
          <SettingsScreen
            lists={loaded.lists}
            readOnly={loaded.library.readOnly}
            onListsChanged={(lists) => setLoaded((l) => (l ? { ...l, lists } : l))}
            // Every screen holds data of the library as it was: start afresh on the restored one.
            onRestored={() => window.location.reload()}
          />
        )}
      </div>
    </>
  );
}
