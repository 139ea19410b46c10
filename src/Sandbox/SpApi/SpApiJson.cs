using System.Text.Json;
using System.Text.Json.Serialization;

namespace Opside.Sandbox.SpApi;

/// <summary>The v0 APIs (inbound, finances) use PascalCase names, unlike ASP.NET's camelCase default.</summary>
public static class SpApiJson
{
    public static readonly JsonSerializerOptions PascalCase = new() { PropertyNamingPolicy = null, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IResult Payload(object payload) => Results.Json(new { payload }, PascalCase);
}
