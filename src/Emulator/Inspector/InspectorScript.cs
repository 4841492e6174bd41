namespace Emulator.Inspector;

/// <summary>
/// The inspector's one script, served by the emulator (the Content-Security-Policy allows no other). It shows the copy
/// buttons (hidden without script) and copies the text of the element a button names; and it keeps the requests page
/// live by appending the journal entries a Server-Sent Events stream announces. Rows are built with <c>textContent</c>
/// only, so no journal value is ever parsed as markup.
/// </summary>
internal static class InspectorScript
{
    public const string Js = """
        "use strict";
        (() => {
          // Copy buttons: the clipboard API where the page is a secure context (localhost), else a selection and copy.
          for (const button of document.querySelectorAll("button[data-copy]")) {
            button.hidden = false;
            button.addEventListener("click", async () => {
              const text = document.getElementById(button.dataset.copy)?.textContent ?? "";
              try {
                await navigator.clipboard.writeText(text);
              } catch {
                const range = document.createRange();
                range.selectNodeContents(document.getElementById(button.dataset.copy));
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                document.execCommand("copy");
              }
              button.textContent = "Copied";
              setTimeout(() => { button.textContent = "Copy"; }, 2000);
            });
          }
        })();
        (() => {
          const table = document.querySelector("table[data-live-journal]");
          if (!table) return;
          const status = document.getElementById("live-status");
          const query = new URLSearchParams(location.search);
          query.delete("afterId");
          query.set("afterId", table.dataset.afterId);
          const source = new EventSource(table.dataset.stream + "?" + query.toString());
          const cell = (row, text) => { const td = document.createElement("td"); td.textContent = text; row.append(td); return td; };
          source.onopen = () => { if (status) status.textContent = "Live: new requests appear at the top."; };
          source.onerror = () => { if (status) status.textContent = "Live updates paused; reconnecting."; };
          source.onmessage = message => {
            const entry = JSON.parse(message.data);
            const row = document.createElement("tr");
            cell(row, entry.at);
            cell(row, entry.method);
            const link = document.createElement("a");
            link.href = table.dataset.entryBase + "/" + entry.id;
            link.textContent = entry.path + entry.query;
            cell(row, "").append(link);
            cell(row, String(entry.status));
            cell(row, entry.customerId ?? "");
            cell(row, entry.durationMs.toFixed(1) + " ms");
            table.tBodies[0].prepend(row);
            table.dataset.afterId = String(entry.id);
          };
        })();
        """;
}
