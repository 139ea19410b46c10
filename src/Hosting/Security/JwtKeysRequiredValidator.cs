using Microsoft.Extensions.Options;

namespace Opside.Hosting.Security;

/// <summary>Outside Development a host without signing keys must not start: every token would be refused.</summary>
internal sealed class JwtKeysRequiredValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        options.SigningKeys.Count == 0 && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail(
                $"{JwtOptions.Section}:SigningKeys must hold at least one key outside Development " +
                $"(Auth__Jwt__SigningKeys__0__Id and Auth__Jwt__SigningKeys__0__Key: base64 of {JwtOptions.MinimumKeyBytes}+ random bytes).")
            : ValidateOptionsResult.Success;
}
