using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Opside.Testing;

namespace Opside.Api.Tests;

/// <summary>
/// Every route of the API, called by anonymous, seller A, seller B and ops callers, against the access each
/// must have. A route that appears in no row below fails the test: a new route must be classified here.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Ops only: anonymous 401, sellers 403.</summary>
        Ops,

        /// <summary>Seller A's own data: anonymous 401, seller B 404, seller A and ops through.</summary>
        OwnSeller,

        /// <summary>
        /// One item of seller A's (a claim) that the matrix cannot create: anonymous 401, seller B 404, seller A and
        /// ops not refused and answered alike (404 for the item that does not exist, the same for both).
        /// </summary>
        OwnSellerItem,

        /// <summary>Any signed-in user, about their own account: anonymous 401, everyone signed in through.</summary>
        SignedIn,
    }

    private static readonly (string Prefix, Access Access)[] Classification =
    [
        ("/health/", Access.Public),
        ("/", Access.Public),
        ("/metrics", Access.Public),
        ("/openapi/", Access.Public),
        ("/docs", Access.Public),
        // Before /api/auth/: the password change is the one /api/auth route that needs a signed-in user.
        ("/api/auth/password", Access.SignedIn),
        ("/api/auth/", Access.Public),
        ("/signin", Access.Public),
        ("/api/amazon/callback", Access.Public),
        // Stripe calls it: its signature, not a token, proves who is calling.
        ("/api/billing/stripe/webhook", Access.Public),
        ("/dashboard", Access.Ops),
        // Includes POST /api/ops/users/{email}/revoke-sessions (ops get 404 for the matrix's made-up email).
        ("/api/ops/", Access.Ops),
        ("/api/sellers/{sellerId}/claims/{claimId}", Access.OwnSellerItem),
        ("/api/sellers/{sellerId}/uploads/{uploadId}", Access.OwnSellerItem),
        // GET and PUT (the matrix's empty body is A's and ops' 400, B's 404).
        ("/api/sellers/{sellerId}/settings", Access.OwnSeller),
        ("/api/sellers/{sellerId}", Access.OwnSeller),
    ];

    /// <summary>Routes the matrix must find (and so classify): a route it cannot see is a route it does not check.</summary>
    private static readonly string[] MustExist =
    [
        "PUT /api/auth/password",
        "POST /api/ops/users/{email}/revoke-sessions",
        "POST /signin",
        "POST /api/sellers/{sellerId}/claims/{claimId}/filing",
        "POST /api/sellers/{sellerId}/claims/{claimId}/decision",
        "POST /api/sellers/{sellerId}/claims/{claimId}/dismissal",
        "GET /api/sellers/{sellerId}/claims/{claimId}/case",
        "GET /api/sellers/{sellerId}/claims.csv",
        "GET /api/sellers/{sellerId}/summary",
        "GET /api/ops/claims",
        "POST /api/ops/sellers/{sellerId}/claims/rebuild",
        "GET /api/ops/models",
        "POST /api/ops/models/train",
        "POST /api/ops/models/{version}/promote",
        "POST /api/ops/models/rollback",
        "GET /api/sellers/{sellerId}/filing-plan",
        "GET /api/ops/sellers/{sellerId}/filing",
        "PUT /api/ops/sellers/{sellerId}/filing",
        "GET /api/sellers/{sellerId}/billing/statement",
        "GET /api/ops/billing/sellers/{sellerId}/terms",
        "PUT /api/ops/billing/sellers/{sellerId}/terms",
        "POST /api/sellers/{sellerId}/billing/payment-method",
        "GET /api/ops/billing/sellers",
        "POST /api/ops/billing/sellers/{sellerId}/invoice",
        "POST /api/billing/stripe/webhook",
    ];

    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden];

    [Fact]
    public async Task Every_route_answers_each_caller_as_its_access_class_says()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new OpsideApiFactory();
        using var anonymous = factory.CreateClient();
        var (sellerA, tokenA) = await AccountSteps.RegisterSellerAsync(anonymous);
        var (_, tokenB) = await AccountSteps.RegisterSellerAsync(anonymous);
        using var callerA = factory.CreateClientWithToken(tokenA);
        using var callerB = factory.CreateClientWithToken(tokenB);
        using var ops = factory.CreateClientWithToken(TestAuth.Ops());

        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(r => !r.Pattern.StartsWith(ProbeEndpoints.Prefix, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(routes);
        var seen = routes.SelectMany(r => r.Methods.Select(m => $"{m} {r.Pattern.TrimEnd('/')}")).ToHashSet(StringComparer.Ordinal);
        Assert.All(MustExist, route => Assert.Contains(route, seen));

        var failures = new List<string>();
        foreach (var (pattern, methods) in routes)
        {
            var access = Classification
                .Where(c => c.Prefix == "/" ? pattern == "/" : pattern.StartsWith(c.Prefix, StringComparison.OrdinalIgnoreCase))
                .Select(c => (Access?)c.Access)
                .FirstOrDefault();
            if (access is null)
            {
                failures.Add($"{pattern}: no access class; add it to {nameof(Classification)}");
                continue;
            }

            var url = Concrete(pattern, sellerA.SellerId);
            foreach (var method in methods)
            {
                var answers = new Dictionary<string, HttpStatusCode>
                {
                    ["anonymous"] = await SendAsync(anonymous, method, url, ct),
                    ["seller A"] = await SendAsync(callerA, method, url, ct),
                    ["seller B"] = await SendAsync(callerB, method, url, ct),
                    ["ops"] = await SendAsync(ops, method, url, ct),
                };
                // A public route must not tell callers apart (its own 400 or 401 for a bad body is the same for all).
                if (access == Access.Public && answers.Values.Distinct().Count() > 1)
                    failures.Add($"{method} {url} ({access}): answers differ by caller: {string.Join(", ", answers.Select(a => $"{a.Key} {(int)a.Value}"))}");
                if (access == Access.OwnSellerItem && answers["seller A"] != answers["ops"])
                    failures.Add($"{method} {url} ({access}): seller A got {(int)answers["seller A"]}, ops {(int)answers["ops"]}");
                foreach (var (caller, status) in answers.Where(_ => access != Access.Public))
                {
                    if (!Allowed(access.Value, caller, status))
                        failures.Add($"{method} {url} ({access}): {caller} got {(int)status}");
                }
            }
        }

        Assert.Empty(failures);
    }

    private static bool Allowed(Access access, string caller, HttpStatusCode status) => (access, caller) switch
    {
        (Access.Ops, "anonymous") or (Access.OwnSeller, "anonymous") or (Access.OwnSellerItem, "anonymous") or (Access.SignedIn, "anonymous") => status == HttpStatusCode.Unauthorized,
        (Access.SignedIn, _) => !Refusals.Contains(status),
        (Access.Ops, "ops") => !Refusals.Contains(status),
        (Access.Ops, _) => status == HttpStatusCode.Forbidden,
        (Access.OwnSeller, "seller B") or (Access.OwnSellerItem, "seller B") => status == HttpStatusCode.NotFound,
        (Access.OwnSellerItem, _) => !Refusals.Contains(status),
        (Access.OwnSeller, _) => !Refusals.Contains(status) && status != HttpStatusCode.NotFound,
        _ => false,
    };

    /// <summary>A URL for a route pattern: the seller id is seller A's, other parameters get a plausible value.</summary>
    private static string Concrete(string pattern, string sellerId)
    {
        var url = pattern.Replace("{sellerId}", sellerId, StringComparison.Ordinal);
        url = System.Text.RegularExpressions.Regex.Replace(url, @"\{\*{0,2}documentName[^}]*\}", "v1");
        url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}:]+:int\}", "1");
        url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+\}", "x");
        return url;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        // Headers only: the dashboard's live log stream never ends its body.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return response.StatusCode;
    }
}
