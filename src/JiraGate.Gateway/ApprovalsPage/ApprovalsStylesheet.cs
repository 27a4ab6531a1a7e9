namespace JiraGate.Gateway.ApprovalsPage;

/// <summary>The page's stylesheet, served at <c>/approvals/assets/approvals.css</c> (kept in code: nothing to copy or embed).</summary>
internal static class ApprovalsStylesheet
{
    public const string Css = """
        /* JiraGate approvals page: system fonts, one column, readable tables, visible focus. No JavaScript needed. */
        :root {
          --fg: #1c1e21; --muted: #5f6368; --bg: #f6f7f9; --card: #fff; --line: #d9dce1;
          --accent: #0b57d0; --danger: #b3261e; --ok: #146c2e; --warn: #8a5300;
          --focus: #ffbf47;
          color-scheme: light;
        }
        * { box-sizing: border-box; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 100%; }
        body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5; }
        code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .9em; }
        a { color: var(--accent); }
        a:hover { text-decoration-thickness: 2px; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--fg); }
        .skip { position: absolute; left: -9999px; top: 0; background: var(--card); padding: .5rem 1rem; }
        .skip:focus { left: 1rem; z-index: 10; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

        .top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
               padding: .75rem 1.5rem; background: #1f2937; color: #f9fafb; }
        .top .brand { color: #f9fafb; font-weight: 700; text-decoration: none; font-size: 1.1rem; }
        .top .who { display: flex; gap: .75rem; align-items: center; margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 1.5rem 0 .75rem; }
        .card h2 { margin-top: 0; }
        h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
        .count, .muted, .help { color: var(--muted); }
        .help { font-size: .9rem; }
        .empty { padding: 1rem; background: var(--card); border: 1px dashed var(--line); border-radius: .5rem; }
        .back { margin: 0 0 .5rem; }

        .card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1.25rem; margin: 0 0 1.25rem; }
        .card.narrow { max-width: 32rem; margin: 2rem auto; }
        .sentence { font-size: 1.15rem; font-weight: 600; margin: 0 0 1rem; }

        table { border-collapse: collapse; width: 100%; background: var(--card); }
        table.list { border: 1px solid var(--line); border-radius: .5rem; }
        th, td { text-align: left; vertical-align: top; padding: .6rem .75rem; border-bottom: 1px solid var(--line); }
        thead th { font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); background: #fafbfc; }
        td.nowrap { white-space: nowrap; }
        tbody tr:last-child th, tbody tr:last-child td { border-bottom: 0; }
        table.fields td.old { color: var(--muted); text-decoration: line-through; text-decoration-color: #c5c8cd; }
        table.fields td.new { font-weight: 600; }
        table.fields tr.same td.new { font-weight: 400; }
        table.fields td { white-space: pre-wrap; word-break: break-word; }

        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; margin: 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; word-break: break-word; }
        pre.json { background: #f3f4f6; border: 1px solid var(--line); border-radius: .375rem; padding: .75rem; overflow: auto; max-height: 24rem; margin: 0; }

        .badge { display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600;
                 border: 1px solid currentColor; white-space: nowrap; vertical-align: middle; }
        .risk-high { color: var(--danger); background: #fce8e6; }
        .risk-medium { color: var(--warn); background: #fef3e0; }
        .risk-low { color: var(--ok); background: #e6f4ea; }
        .risk-unknown, .state-expired { color: var(--muted); background: #f1f3f4; }
        .state-pending, .state-executing, .state-approved { color: var(--accent); background: #e8f0fe; }
        .state-executed { color: var(--ok); background: #e6f4ea; }
        .state-denied, .state-failed { color: var(--danger); background: #fce8e6; }

        .alert { padding: .75rem 1rem; border-radius: .375rem; margin: 0 0 1rem; border-left: 4px solid; }
        .alert.error { background: #fce8e6; border-color: var(--danger); color: #5c1410; }
        .alert.info { background: #e8f0fe; border-color: var(--accent); color: #0b2d6b; }

        label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
        input[type=password], textarea { width: 100%; padding: .55rem .65rem; font: inherit; border: 1px solid #9aa0a6; border-radius: .375rem; background: #fff; }
        input[aria-invalid=true] { border-color: var(--danger); }
        .actions { display: flex; gap: .75rem; margin-top: 1rem; flex-wrap: wrap; }
        .button { font: inherit; font-weight: 600; padding: .55rem 1.1rem; border-radius: .375rem; border: 1px solid transparent; cursor: pointer; }
        .button.primary { background: var(--accent); color: #fff; }
        .button.danger { background: #fff; color: var(--danger); border-color: var(--danger); }
        .button.secondary { background: transparent; color: #f9fafb; border-color: #9ca3af; padding: .3rem .8rem; }
        .button:hover { filter: brightness(.95); }
        form .button.primary { margin-top: 1rem; }
        .actions .button.primary { margin-top: 0; }

        @media (max-width: 48rem) {
          table.list thead { display: none; }
          table.list tr { display: block; border-bottom: 1px solid var(--line); }
          table.list td { display: block; border: 0; padding: .25rem .75rem; }
          dl.facts { grid-template-columns: 1fr; }
        }
        """;
}
