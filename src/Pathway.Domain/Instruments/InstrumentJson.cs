using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pathway.Domain.Instruments;

/// <summary>
/// The JSON file format of an instrument definition (camelCase, enums as camelCase strings; see
/// src/Pathway.Data/Instruments/*.json). <see cref="Parse"/> never throws: malformed JSON and rule breaks come back
/// as specific messages.
/// </summary>
public static class InstrumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    /// <summary>Reads and validates a definition; either a definition or at least one error.</summary>
    public static (InstrumentDefinition? Definition, IReadOnlyList<string> Errors) Parse(string json)
    {
        InstrumentDefinition? def;
        try
        {
            def = JsonSerializer.Deserialize<InstrumentDefinition>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
            var what = e.Message.Contains("missing required properties", StringComparison.Ordinal)
                ? e.Message[..(e.Message.IndexOf(". Path", StringComparison.Ordinal) is var i and > 0 ? i : e.Message.Length)]
                : e.Message.Split(". Path:")[0];
            return (null, [$"The definition is not valid JSON for an instrument{where}: {what}"]);
        }
        if (def is null) return (null, ["The definition is empty"]);
        var errors = DefinitionValidator.Validate(def);
        return errors.Count > 0 ? (null, errors) : (def, []);
    }

    public static string Write(InstrumentDefinition def) => JsonSerializer.Serialize(def, Options);
}
