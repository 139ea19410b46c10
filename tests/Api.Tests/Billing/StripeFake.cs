using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Opside.Api.Tests.Billing;

/// <summary>
/// Stripe's API as far as Opside uses it, on loopback (Stripe's own mock is not obtainable here): customers, Checkout
/// in setup mode, setup intents, invoice items, invoices and their finalisation. It checks the secret key, keeps
/// idempotency keys as Stripe does (the same key replays the first answer; other parameters under it are refused),
/// records every request, and fails on demand: before doing anything, or after doing it (a response lost on the way,
/// as a timeout looks to the client). It also signs webhook events as Stripe does, for the tests to deliver.
/// </summary>
public sealed class StripeFake : IAsyncDisposable
{
    public const string SecretKey = "sk_test_opside_fake";
    public const string WebhookSecret = "whsec_opside_fake";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Parameters, int Status, string Body)> _idempotent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StripeRequest> _requests = new();
    private readonly List<Failure> _failures = [];
    private int _next;

    private StripeFake(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<StripeRequest> Requests => [.. _requests];

    /// <summary>The objects of one kind (<c>customer</c>, <c>invoiceitem</c>, <c>invoice</c>, ...) in the order made.</summary>
    public IReadOnlyList<JsonObject> Objects(string kind)
    {
        lock (_gate)
            return [.. _objects.Values.Where(o => (string?)o["object"] == kind).OrderBy(o => (long)o["created"]!).Select(o => (JsonObject)o.DeepClone())];
    }

    public JsonObject Get(string id)
    {
        lock (_gate)
            return (JsonObject)_objects[id].DeepClone();
    }

    /// <summary>Opside's settings that make this fake its Stripe.</summary>
    public Dictionary<string, string?> OpsideSettings() => new()
    {
        ["Stripe:SecretKey"] = SecretKey,
        ["Stripe:WebhookSecret"] = WebhookSecret,
        ["Stripe:ApiBase"] = BaseAddress.ToString(),
    };

    public static async Task<StripeFake> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new StripeFake(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken);
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>
    /// The next <paramref name="times"/> requests of <paramref name="method"/> on a path starting with
    /// <paramref name="pathPrefix"/> answer 500; <paramref name="afterProcessing"/> does the work first (and keeps its
    /// answer under the idempotency key), as when the response is lost.
    /// </summary>
    public void FailNext(string method, string pathPrefix, bool afterProcessing, int times = 1)
    {
        lock (_gate)
            _failures.Add(new Failure(method, pathPrefix, afterProcessing, times));
    }

    /// <summary>The seller finishes Checkout: the session's setup intent now has a card. Answers the session.</summary>
    public JsonObject CompleteCheckout(string sessionId)
    {
        lock (_gate)
        {
            var session = _objects[sessionId];
            var card = Create("pm", "payment_method", new JsonObject { ["type"] = "card" });
            _objects[(string)session["setup_intent"]!]["payment_method"] = (string)card["id"]!;
            session["status"] = "complete";
            return (JsonObject)session.DeepClone();
        }
    }

    /// <summary>A Stripe event of <paramref name="type"/> about <paramref name="data"/>, as Stripe serialises one.</summary>
    public static string Event(string id, string type, JsonObject data, DateTimeOffset created) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = data.DeepClone() },
    }.ToJsonString();

    /// <summary>The <c>Stripe-Signature</c> header Stripe sends: <c>t=…,v1=</c> HMAC-SHA256 of <c>"{t}.{body}"</c> under the secret.</summary>
    public static string Sign(string body, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var form = request.HasFormContentType ? (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var key = request.Headers["Idempotency-Key"].ToString();
        _requests.Enqueue(new StripeRequest(request.Method, request.Path.Value!, key.Length > 0 ? key : null, form));

        if (request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
        {
            await WriteAsync(http, 401, Error("Invalid API Key provided.", "invalid_request_error"));
            return;
        }

        var parameters = string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var scope = $"{request.Method} {request.Path} {key}";
        Failure? failure;
        lock (_gate)
        {
            failure = _failures.FirstOrDefault(f => f.Times > 0 && f.Method == request.Method && request.Path.Value!.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (failure is not null)
                failure.Times--;
        }

        if (failure is { AfterProcessing: false })
        {
            await FailAsync(http);
            return;
        }

        int status;
        string body;
        lock (_gate)
        {
            if (key.Length > 0 && _idempotent.TryGetValue(scope, out var kept))
            {
                (status, body) = kept.Parameters == parameters
                    ? (kept.Status, kept.Body)
                    : (400, Error("Keys for idempotent requests can only be used with the same parameters they were first used with.", "idempotency_error"));
            }
            else
            {
                (status, body) = Handle(request.Method, request.Path.Value!, form);
                if (key.Length > 0 && status < 500)
                    _idempotent[scope] = (parameters, status, body);
            }
        }

        if (failure is { AfterProcessing: true })
        {
            await FailAsync(http);
            return;
        }

        http.Response.Headers["Idempotent-Replayed"] = "false";
        await WriteAsync(http, status, body);
    }

    private (int Status, string Body) Handle(string method, string path, Dictionary<string, string> form)
    {
        var segments = path.Trim('/').Split('/');
        switch (method, segments)
        {
            case ("POST", ["v1", "customers"]):
                return Ok(Create("cus", "customer", new JsonObject
                {
                    ["description"] = form.GetValueOrDefault("description"),
                    ["metadata"] = Metadata(form),
                    ["invoice_settings"] = new JsonObject { ["default_payment_method"] = null },
                }));
            case ("POST", ["v1", "customers", var customerId]) when _objects.TryGetValue(customerId, out var customer):
                if (form.TryGetValue("invoice_settings[default_payment_method]", out var card))
                    customer["invoice_settings"]!["default_payment_method"] = card;
                return Ok(customer);
            case ("POST", ["v1", "checkout", "sessions"]) when Known(form.GetValueOrDefault("customer")):
                var intent = Create("seti", "setup_intent", new JsonObject { ["customer"] = form["customer"], ["payment_method"] = null });
                var session = Create("cs", "checkout.session", new JsonObject
                {
                    ["mode"] = form.GetValueOrDefault("mode"),
                    ["customer"] = form["customer"],
                    ["currency"] = form.GetValueOrDefault("currency"),
                    ["setup_intent"] = (string)intent["id"]!,
                    ["success_url"] = form.GetValueOrDefault("success_url"),
                    ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
                    ["status"] = "open",
                    ["metadata"] = Metadata(form),
                });
                session["url"] = $"{BaseAddress}checkout/{session["id"]}";
                return Ok(session);
            case ("GET", ["v1", "setup_intents", var intentId]) when _objects.TryGetValue(intentId, out var found):
                return Ok(found);
            case ("POST", ["v1", "invoiceitems"]) when Known(form.GetValueOrDefault("customer")):
                return Ok(Create("ii", "invoiceitem", new JsonObject
                {
                    ["customer"] = form["customer"],
                    ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture),
                    ["currency"] = form["currency"],
                    ["description"] = form.GetValueOrDefault("description"),
                    ["metadata"] = Metadata(form),
                    ["invoice"] = null,
                }));
            case ("POST", ["v1", "invoices"]) when Known(form.GetValueOrDefault("customer")):
                return Ok(CreateInvoice(form));
            case ("POST", ["v1", "invoices", var invoiceId, "finalize"]) when _objects.TryGetValue(invoiceId, out var invoice):
                if ((string?)invoice["status"] != "draft")
                    return (400, Error("This invoice is already finalized, you can't re-finalize a non-draft invoice.", "invalid_request_error"));
                invoice["status"] = (long)invoice["total"]! <= 0 ? "paid" : "open";
                return Ok(invoice);
            case ("GET", ["v1", "invoices", var invoiceId]) when _objects.TryGetValue(invoiceId, out var invoice):
                return Ok(invoice);
            default:
                return (404, Error($"Unrecognized request URL ({method}: {path}) or no such object.", "invalid_request_error"));
        }
    }

    /// <summary>An invoice takes the customer's pending items in its currency, as <c>pending_invoice_items_behavior=include</c> does.</summary>
    private JsonObject CreateInvoice(Dictionary<string, string> form)
    {
        var invoice = Create("in", "invoice", new JsonObject
        {
            ["customer"] = form["customer"],
            ["currency"] = form["currency"],
            ["status"] = "draft",
            ["collection_method"] = form.GetValueOrDefault("collection_method"),
            ["auto_advance"] = form.GetValueOrDefault("auto_advance") == "true",
            ["metadata"] = Metadata(form),
        });
        var items = form.GetValueOrDefault("pending_invoice_items_behavior") == "include"
            ? _objects.Values.Where(o => (string?)o["object"] == "invoiceitem" && (string?)o["customer"] == form["customer"]
                && (string?)o["currency"] == form["currency"] && o["invoice"] is null).ToList()
            : [];
        foreach (var item in items)
            item["invoice"] = (string)invoice["id"]!;
        invoice["total"] = items.Sum(i => (long)i["amount"]!);
        invoice["lines"] = new JsonObject
        {
            ["object"] = "list",
            ["has_more"] = false,
            ["url"] = $"/v1/invoices/{invoice["id"]}/lines",
            ["data"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"il_{i["id"]}",
                ["object"] = "line_item",
                ["amount"] = (long)i["amount"]!,
                ["currency"] = (string)i["currency"]!,
                ["metadata"] = i["metadata"]!.DeepClone(),
            })]),
        };
        return invoice;
    }

    private bool Known(string? id) => id is not null && _objects.ContainsKey(id);

    private JsonObject Create(string prefix, string kind, JsonObject fields)
    {
        var number = ++_next;
        fields["id"] = $"{prefix}_{number:D6}";
        fields["object"] = kind;
        fields["created"] = (long)number;
        fields["livemode"] = false;
        _objects[(string)fields["id"]!] = fields;
        return fields;
    }

    private static JsonObject Metadata(Dictionary<string, string> form)
    {
        var metadata = new JsonObject();
        foreach (var (name, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
            metadata[name["metadata[".Length..^1]] = value;
        return metadata;
    }

    private static (int, string) Ok(JsonObject value) => (200, value.ToJsonString());

    private static string Error(string message, string type) =>
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type } }.ToJsonString();

    private static Task FailAsync(HttpContext http)
    {
        // Stripe says when a retry is safe; Stripe.net retries on it, with the same idempotency key.
        http.Response.Headers["Stripe-Should-Retry"] = "true";
        return WriteAsync(http, 500, Error("An unknown error occurred (injected by the test).", "api_error"));
    }

    private static async Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body);
    }

    private sealed class Failure(string method, string pathPrefix, bool afterProcessing, int times)
    {
        public string Method { get; } = method;
        public string PathPrefix { get; } = pathPrefix;
        public bool AfterProcessing { get; } = afterProcessing;
        public int Times { get; set; } = times;
    }
}

/// <summary>One request the fake received: its idempotency key and its form fields (or query) as sent.</summary>
public sealed record StripeRequest(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Fields);
