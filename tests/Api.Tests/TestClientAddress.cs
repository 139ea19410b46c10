using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Opside.Api.Tests;

/// <summary>
/// The in-memory test server has no client address: a request's <see cref="Header"/> gives it one, before the API's
/// own pipeline (rate limits, lockout) reads it, so a test can speak as several clients.
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } address] && IPAddress.TryParse(address, out var parsed))
                context.Connection.RemoteIpAddress = parsed;
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A client of <paramref name="factory"/> that the API sees as coming from <paramref name="address"/>.</summary>
    public static HttpClient Client(OpsideApiFactory factory, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
