using Opside.Api.Accounts;
using Opside.Api.Claims;
using Opside.Api.Claims.Cases;
using Opside.Api.Billing;
using Opside.Api.Filing;
using Opside.Api.Amazon;
using Opside.Api.Ops;
using Opside.Api.RateLimiting;
using Opside.Api.Sellers;
using Opside.Api.Sync;
using Opside.Api.Uploads;
using Opside.Grains.Billing;
using Opside.Hosting.Cluster;
using Opside.Hosting.Web;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpsideWebDefaults();
builder.AddOpsideOrleans();
builder.AddOpsideAccounts();
builder.AddOpsideRateLimiting();
builder.AddOpsideAmazon();
// The webhook verifies Stripe's signature in the API, which in cluster mode hosts no silo and so binds this itself.
builder.Services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section);
builder.Services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section);
builder.Services.AddOptions<FilingOptions>().BindConfiguration(FilingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
#if DEVELOPMENT_SANDBOX
builder.AddDevelopmentSandbox();
#endif
builder.Services.AddOpenApi();

var app = builder.Build();
#if !DEVELOPMENT_SANDBOX
if (app.Configuration.GetValue<bool>("Amazon:Sandbox:Enabled"))
    app.Logger.LogWarning("Amazon:Sandbox:Enabled is set, but this build of the API ships without the sandbox: Amazon calls go to Amazon");
#endif
app.UseOpsideWebDefaults();
app.UseRateLimiter();
app.UseSiloLossRetry();
app.MapOpsideOperationalEndpoints();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", o => o
    .WithTitle("Opside API")
    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
    // Fonts from a CDN would be blocked by the content security policy; system fonts do.
    .DisableDefaultFonts())
    .AllowAnonymous();
app.MapOpsideDashboard();
// Where a browser lands by default (also after the Amazon consent flow): the API reference.
app.MapGet("/", () => Results.Redirect("/docs/")).AllowAnonymous().ExcludeFromDescription();
app.MapAuthApi();
app.MapPasswordApi();
app.MapDashboardSignIn();
var seller = app.MapSellersApi();
seller.MapSellerSettingsApi();
app.MapAmazonConnectionApi(seller);
seller.MapSyncApi();
seller.MapReportUploadApi();
seller.MapCostCatalogApi();
seller.MapClaimsApi();
seller.MapClaimWorkflowApi();
seller.MapClaimCaseApi();
seller.MapFilingPlanApi();
seller.MapBillingStatementApi();
seller.MapPaymentMethodApi();
app.MapStripeWebhookApi();
app.MapOpsApi();

await app.RunAsync();

/// <summary>The entry point, public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
