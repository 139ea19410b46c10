using Opside.Silo.Hosting;
using Opside.Silo.Web;
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
app.MapOpsideDashboard();

await app.RunAsync();

/// <summary>The entry point, public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
