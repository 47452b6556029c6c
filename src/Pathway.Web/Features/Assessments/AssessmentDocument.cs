using System.Globalization;
using Pathway.Data.Entities;
using Pathway.Domain.Assessments;
using Pathway.Domain.Risk;

namespace Pathway.Web.Features.Assessments;

/// <summary>Which copy of an assessment is being shown or printed.</summary>
public enum AssessmentCopy
{
    /// <summary>Everything the viewer may see, including the withheld section if their role allows.</summary>
    Full,
    /// <summary>The copy that may be shared with the person: never includes the information not to be disclosed.</summary>
    Shareable,
}

/// <summary>
/// An assessment version as text, section by section, for the page, the printable view, the PDF and the diff. Built
/// once here so that all four agree, and so that the shareable copy's omission of the withheld section is in one place.
/// </summary>
public sealed class AssessmentDocument
{
    public sealed record Field(string Key, string Label, string? Text);
    public sealed record Section(SectionDefinition Definition, IReadOnlyList<Field> Fields, SectionProgress Progress);

    public required Assessment Assessment { get; init; }
    public required IReadOnlyList<Section> Sections { get; init; }
    public required AssessmentCopy Copy { get; init; }
    /// <summary>True when the withheld section is part of this document (full copy, allowed role).</summary>
    public required bool IncludesWithheld { get; init; }
    /// <summary>Every field as text keyed by field key, including needs and the chosen OGRS3: what the diff compares.</summary>
    public required IReadOnlyDictionary<string, string> Text { get; init; }

    public static AssessmentDocument Build(Assessment a, string? withheld, bool maySeeWithheld, AssessmentCopy copy)
    {
        var includeWithheld = maySeeWithheld && copy == AssessmentCopy.Full;
        var text = a.Fields.ToDictionary(f => f.Key, f => f.Text, StringComparer.Ordinal);
        foreach (var n in a.Needs) text[AssessmentSections.NeedKey(n.Area)] = NeedText(n);
        if (a.Ogrs3Score is { } s) text[AssessmentDiff.Ogrs3Key] = Ogrs3Text(s);
        if (includeWithheld && !string.IsNullOrWhiteSpace(withheld)) text["withheld.text"] = withheld;

        var sections = new List<Section>();
        foreach (var def in AssessmentSections.All)
        {
            if (def.Key == AssessmentSections.Withheld && !includeWithheld) continue;
            var fields = def.Fields.Select(f => new Field(f.Key, f.Label, text.GetValueOrDefault(f.Key))).ToList();
            if (def.Key == "risk") fields.Insert(0, new Field(AssessmentDiff.Ogrs3Key, "OGRS3", text.GetValueOrDefault(AssessmentDiff.Ogrs3Key)));
            sections.Add(new Section(def, fields, AssessmentSections.Progress(def, text)));
        }
        return new AssessmentDocument { Assessment = a, Sections = sections, Copy = copy, IncludesWithheld = includeWithheld, Text = text };
    }

    public static string NeedText(AssessmentNeed n) =>
        $"{n.Priority} priority" + (string.IsNullOrWhiteSpace(n.Detail) ? "" : $": {n.Detail.Trim()}");

    public static string Ogrs3Text(Ogrs3Score s) => string.Create(CultureInfo.InvariantCulture,
        $"{Percent(s.OneYear)} at one year, {Percent(s.TwoYear)} at two years ({Ogrs3.DisplayName(s.Band).ToLowerInvariant()}); " +
        $"{Ogrs3.DisplayName(s.OffenceCategory)}, {s.PreviousSanctions} previous sanctions, assessed {s.AssessmentDate:d MMM yyyy}");

    public static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>Sections that still have nothing in them and must before the assessment can be submitted.</summary>
    public static IReadOnlyList<string> IncompleteForSubmission(Assessment a)
    {
        var text = a.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Text)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return AssessmentSections.RequiredForSubmission.Where(s => !s.Fields.Any(f => text.Contains(f.Key))).Select(s => s.Title).ToList();
    }
}
