namespace Emulator.Inspector;

/// <summary>The inspector's stylesheet: readable without colour (labels and structure carry the meaning), usable from a
/// narrow window to 1280 px and more.</summary>
internal static class InspectorStyles
{
    public const string Css = """
        :root { font-family: system-ui, sans-serif; line-height: 1.4; color: #1a1a1a; background: #fff; }
        body { margin: 0; }
        .skip { position: absolute; left: -100vw; }
        .skip:focus { position: static; display: inline-block; margin: .5rem 1rem; }
        .bar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .5rem 1rem; border-bottom: 2px solid #333; }
        .bar nav { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
        main { padding: 1rem; max-width: 100rem; }
        a { color: #0645ad; }
        a:focus, button:focus, input:focus, select:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; }
        .scroll { overflow-x: auto; }
        .filters > *, .field { min-width: 0; max-width: 100%; }
        select { width: auto; }
        caption { text-align: left; font-weight: bold; padding: .25rem 0; }
        th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #999; padding: .3rem .5rem; }
        code { font-family: ui-monospace, monospace; word-break: break-all; }
        .secret { font-size: .8em; }
        .bots code { word-break: normal; white-space: nowrap; }
        .conversation { border: 1px solid #999; padding: 0 1rem; margin-bottom: 1rem; max-width: 50rem; }
        .conversation li { margin-bottom: .5rem; }
        .message { display: block; white-space: pre-wrap; }
        .label { font-size: .8em; border: 1px solid #555; padding: 0 .25rem; }
        .filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin-bottom: 1rem; }
        .filters > label:not(.check), .field { display: flex; flex-direction: column; font-size: .9em; }
        fieldset { border: 1px solid #999; margin: 0 0 1rem 0; }
        select, input { max-width: min(100%, 28rem); }
        .pages { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin-top: .75rem; }
        .split { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(22rem, 100%), 1fr)); gap: 1.5rem; }
        dt { font-weight: bold; }
        dd { margin: 0 0 .5rem 0; }
        pre { overflow: auto; border: 1px solid #999; padding: .5rem; max-height: 40rem; }
        """;
}
