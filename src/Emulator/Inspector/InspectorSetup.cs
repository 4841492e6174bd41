using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Emulator.Inspector;

/// <summary>
/// The inspector: web pages under <c>/_emulator/ui</c> that show what the emulator holds (README, "Inspector"). They are
/// Razor components rendered on the server (one small script keeps the requests page live), read through the services the control surface and the
/// emulated API use, and sent with a Content-Security-Policy that allows no inline script or style.
/// </summary>
public static class InspectorSetup
{
    /// <summary>The inspector's first page.</summary>
    public const string Root = "/_emulator/ui";

    /// <summary>The inspector's one stylesheet, served by the emulator.</summary>
    public const string StylesheetPath = Root + "/inspector.css";

    /// <summary>The live journal's Server-Sent Events stream.</summary>
    public const string EventsPath = Root + "/requests/events";

    /// <summary>The inspector's one script (live updates), served by the emulator.</summary>
    public const string ScriptPath = Root + "/inspector.js";

    /// <summary>The security policy of every inspector response: the emulator's own stylesheet, script, event streams
    /// and forms only; no inline script or style, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; " +
        "base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The contact list of a tenant.</summary>
    public static string ContactsOf(string customerId) => $"{Root}/tenants/{Uri.EscapeDataString(customerId)}/contacts";

    /// <summary>One contact's page.</summary>
    public static string ContactOf(string customerId, string contactId) => $"{ContactsOf(customerId)}/{Uri.EscapeDataString(contactId)}";

    /// <summary>The sign-in page, the only page open without the admin key when one is set.</summary>
    public const string SignInPath = Root + "/sign-in";

    /// <summary>The authentication scheme of the inspector's sign-in cookie.</summary>
    public const string CookieScheme = "InspectorCookie";

    /// <summary>Registers the Razor components the pages are made of and the sign-in cookie (HTTP-only, same-site strict,
    /// sent to the inspector's pages only).</summary>
    public static IServiceCollection AddInspector(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton<InspectorOutcomes>();
        services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "inbox-emulator-inspector";
            o.Cookie.Path = Root;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = SignInPath;
        });
        return services;
    }

    /// <summary>Sends the security headers on every inspector response and, when an admin key is set
    /// (<see cref="EmulatorOptions.AdminKey"/>), sends whoever has not signed in with it to the sign-in page.</summary>
    public static WebApplication UseInspector(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EmulatorOptions>>();
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments(Root))
            {
                await next(context);
                return;
            }

            // An event stream is never compressed: the compressing body would hold every event back (it comes before
            // response compression in the pipeline for this).
            if (path == EventsPath)
            {
                context.Request.Headers.AcceptEncoding = default;
            }

            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (!string.IsNullOrEmpty(options.Value.AdminKey) && !path.StartsWithSegments(SignInPath) && path != StylesheetPath && path != ScriptPath
                && !(await context.AuthenticateAsync(CookieScheme)).Succeeded)
            {
                context.Response.Redirect(SignInPath);
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>Maps the pages and the stylesheet.</summary>
    public static WebApplication MapInspector(this WebApplication app)
    {
        app.MapGet(StylesheetPath, () => Results.Text(InspectorStyles.Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(ScriptPath, () => Results.Text(InspectorScript.Js, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        JournalStream.Map(app);
        app.MapRazorComponents<InspectorApp>();
        return app;
    }
}
