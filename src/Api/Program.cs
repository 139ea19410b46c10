using Opside.Silo.Hosting;
using Opside.Silo.Web;
using Orleans.Dashboard;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpsideWebDefaults();
builder.AddOpsideOrleans();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseOpsideWebDefaults();
app.MapOpsideOperationalEndpoints();
app.MapOpenApi();
app.MapScalarApiReference("/docs", o => o
    .WithTitle("Opside API")
    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
    // Fonts from a CDN would be blocked by the content security policy; system fonts do.
    .DisableDefaultFonts());
// The dashboard exposes grain state and logs: until sign-in exists it is served in Development only.
if (app.Environment.IsDevelopment())
    app.MapOrleansDashboard(routePrefix: "/dashboard");

await app.RunAsync();

/// <summary>The entry point, public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
