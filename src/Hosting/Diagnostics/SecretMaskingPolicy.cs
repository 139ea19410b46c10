using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Serilog.Core;
using Serilog.Events;

namespace Opside.Hosting.Diagnostics;

/// <summary>
/// Keeps secrets out of every log event. As a destructuring policy it renders the secret-named properties and
/// dictionary entries of <c>{@Object}</c> values as <c>***</c>. As an enricher it catches what destructuring
/// never sees: template properties with a secret name (<c>{RefreshToken}</c>), dictionaries and scopes logged
/// without <c>@</c>, and secret values inside strings, such as an object's ToString or an HTTP body.
/// </summary>
public sealed class SecretMaskingPolicy : IDestructuringPolicy, ILogEventEnricher
{
    // Null for types with no secret-named property, which Serilog then destructures as usual.
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> SecretBearingTypes = new();

    private static readonly ScalarValue Masked = new(SecretMasking.Mask);

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(propertyValueFactory);
        result = value switch
        {
            IDictionary dictionary => DestructureDictionary(dictionary, propertyValueFactory),
            // Serilog walks sequences itself and hands each element back to this policy.
            IEnumerable => null,
            _ => SecretBearingTypes.GetOrAdd(value.GetType(), ReadableIfAnySecret) is { } properties
                ? DestructureObject(value, properties, propertyValueFactory)
                : null,
        };
        return result is not null;
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? replaced = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var scrubbed = SecretMasking.IsSecretName(name) ? Mask(value) : Scrub(value);
            if (!ReferenceEquals(scrubbed, value))
                (replaced ??= []).Add(new LogEventProperty(name, scrubbed));
        }

        if (replaced is null)
            return;
        foreach (var property in replaced)
            logEvent.AddOrUpdateProperty(property);
    }

    private static DictionaryValue? DestructureDictionary(IDictionary dictionary, ILogEventPropertyValueFactory factory)
    {
        var anySecret = false;
        foreach (var key in dictionary.Keys)
            anySecret |= key is string name && SecretMasking.IsSecretName(name);
        if (!anySecret)
            return null;

        var elements = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            var value = entry.Key is string name && SecretMasking.IsSecretName(name)
                ? Mask(entry.Value)
                : factory.CreatePropertyValue(entry.Value, destructureObjects: true);
            elements.Add(new(new ScalarValue(entry.Key), value));
        }

        return new DictionaryValue(elements);
    }

    private static StructureValue DestructureObject(object value, PropertyInfo[] properties, ILogEventPropertyValueFactory factory)
    {
        var result = new List<LogEventProperty>(properties.Length);
        foreach (var property in properties)
        {
            object? propertyValue;
            try
            {
                propertyValue = property.GetValue(value);
            }
            catch (TargetInvocationException ex)
            {
                // The accessor's message could itself carry the value, so only its type is shown, as Serilog does.
                propertyValue = "The property accessor threw an exception: " + ex.InnerException?.GetType().Name;
            }

            result.Add(new LogEventProperty(
                property.Name,
                SecretMasking.IsSecretName(property.Name) ? Mask(propertyValue) : factory.CreatePropertyValue(propertyValue, destructureObjects: true)));
        }

        var type = value.GetType();
        return new StructureValue(result, type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) ? null : type.Name);
    }

    private static PropertyInfo[]? ReadableIfAnySecret(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .DistinctBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
        return properties.Any(p => SecretMasking.IsSecretName(p.Name)) ? properties : null;
    }

    // An absent secret stays visibly absent: "is there a token at all?" is a useful thing to read in a log.
    private static ScalarValue Mask(object? value) => value is null ? ScalarValue.Null : Masked;

    private static LogEventPropertyValue Mask(LogEventPropertyValue value) => value is ScalarValue { Value: null } ? value : Masked;

    /// <summary>The same instance when nothing in it is secret, so ordinary values are not copied.</summary>
    private static LogEventPropertyValue Scrub(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var redacted = SecretMasking.Redact(text);
                return ReferenceEquals(redacted, text) ? value : new ScalarValue(redacted);

            case StructureValue structure:
                LogEventProperty[]? properties = null;
                for (var i = 0; i < structure.Properties.Count; i++)
                {
                    var property = structure.Properties[i];
                    var scrubbed = SecretMasking.IsSecretName(property.Name) ? Mask(property.Value) : Scrub(property.Value);
                    if (ReferenceEquals(scrubbed, property.Value))
                        continue;
                    properties ??= [.. structure.Properties];
                    properties[i] = new LogEventProperty(property.Name, scrubbed);
                }

                return properties is null ? value : new StructureValue(properties, structure.TypeTag);

            case SequenceValue sequence:
                LogEventPropertyValue[]? elements = null;
                for (var i = 0; i < sequence.Elements.Count; i++)
                {
                    var scrubbed = Scrub(sequence.Elements[i]);
                    if (ReferenceEquals(scrubbed, sequence.Elements[i]))
                        continue;
                    elements ??= [.. sequence.Elements];
                    elements[i] = scrubbed;
                }

                return elements is null ? value : new SequenceValue(elements);

            case DictionaryValue dictionary:
                var changed = false;
                var entries = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(dictionary.Elements.Count);
                foreach (var (key, element) in dictionary.Elements)
                {
                    var scrubbed = key.Value is string name && SecretMasking.IsSecretName(name) ? Mask(element) : Scrub(element);
                    changed |= !ReferenceEquals(scrubbed, element);
                    entries.Add(new(key, scrubbed));
                }

                return changed ? new DictionaryValue(entries) : value;

            default:
                return value;
        }
    }
}
