using System.Globalization;
using Hl7.Fhir.Model;
using Pathway.Domain.Instruments;

namespace Pathway.Web.Features.Fhir;

/// <summary>
/// An instrument definition as a FHIR <see cref="Questionnaire"/>, and a completed response as a
/// <see cref="QuestionnaireResponse"/>. Link ids and option codes are the definition's own, so the two line up; a rating
/// sheet's item becomes a group with one question per rating scale (<c>{item}.{scale}</c>), as the definition answers it.
/// Eligibility gates become a leading group of yes/no questions; an item that asks for a written reason (the OPD screens'
/// clinical link) is followed by a text question <c>{item}.reason</c>.
/// </summary>
public static class QuestionnaireMapping
{
    public const string GatesLinkId = "gates";

    public static string Id(string key, int version) => $"{key}-v{version.ToString(CultureInfo.InvariantCulture)}";

    public static string Canonical(string key) => FhirIdentifiers.QuestionnaireBase + key;

    public static string CodeSystem(string key) => FhirIdentifiers.CodeSystemBase + key;

    public static Questionnaire ToQuestionnaire(InstrumentDefinition d, bool isCurrent, DateTimeOffset publishedAt)
    {
        var q = new Questionnaire
        {
            Id = Id(d.Key, d.Version),
            Url = Canonical(d.Key),
            Version = d.Version.ToString(CultureInfo.InvariantCulture),
            Name = ComputableName(d.Key),
            Title = d.Title,
            Status = isCurrent ? PublicationStatus.Active : PublicationStatus.Retired,
            Date = publishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Publisher = "Pathway",
            Description = d.Description is null ? null : new Markdown(d.Description),
            Copyright = new Markdown(d.Licence),
            SubjectType = [ResourceType.Patient],
        };
        if (d.Gates.Count > 0)
        {
            q.Item.Add(new Questionnaire.ItemComponent
            {
                LinkId = GatesLinkId,
                Text = d.GateMode == GateMode.All ? "Applies only if every statement is true" : "Applies if any statement is true",
                Type = Questionnaire.QuestionnaireItemType.Group,
                Item = d.Gates.Select(g => new Questionnaire.ItemComponent
                {
                    LinkId = g.LinkId, Text = g.Text, Type = Questionnaire.QuestionnaireItemType.Boolean, Required = true,
                }).ToList(),
            });
        }
        foreach (var item in d.Items)
        {
            if (d.Kind == InstrumentKind.RatingSheet)
            {
                q.Item.Add(new Questionnaire.ItemComponent
                {
                    LinkId = item.LinkId, Text = item.Text, Type = Questionnaire.QuestionnaireItemType.Group, Required = item.Required,
                    Item = d.RatingScales.Select(s => Choice($"{item.LinkId}.{s.Key}", s.Text, item.Required, s.Options, d.Key)).ToList(),
                });
            }
            else
            {
                q.Item.Add(Choice(item.LinkId, item.Text, item.Required, item.OptionList, d.Key));
                if (item.ReasonRequired)
                    q.Item.Add(new Questionnaire.ItemComponent
                    {
                        LinkId = InstrumentEngine.ReasonField(item.LinkId), Text = $"Reason for the answer to: {item.Text}",
                        Type = Questionnaire.QuestionnaireItemType.Text, Required = item.Required,
                    });
            }
        }
        return q;
    }

    private static Questionnaire.ItemComponent Choice(string linkId, string text, bool required, IReadOnlyList<ResponseOption> options, string key) => new()
    {
        LinkId = linkId,
        Text = text,
        Type = Questionnaire.QuestionnaireItemType.Choice,
        Required = required,
        AnswerOption = options.Select(o => new Questionnaire.AnswerOptionComponent { Value = new Coding(CodeSystem(key), o.Code, o.Display) }).ToList(),
    };

    /// <summary>FHIR wants a computer-friendly name (<c>[A-Z]([A-Za-z0-9_]){0,254}</c>): "opd-screen-men" → "OpdScreenMen".</summary>
    public static string ComputableName(string key)
    {
        var parts = key.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return char.IsLetter(name[0]) ? name : "Q" + name;
    }
}

/// <summary>A screening response as a FHIR <see cref="QuestionnaireResponse"/>: the answers only, coded as the definition codes them.</summary>
public static class QuestionnaireResponseMapping
{
    public static QuestionnaireResponse ToResponse(
        Pathway.Data.Entities.InstrumentResponse r, InstrumentDefinition d, ResourceReference patient, ResponseAnswers answers)
    {
        var qr = new QuestionnaireResponse
        {
            Id = r.Id.ToString(),
            Meta = new Meta { LastUpdated = r.UpdatedAt == default ? r.StartedAt : r.UpdatedAt, VersionId = r.Version.ToString(CultureInfo.InvariantCulture) },
            Questionnaire = $"{QuestionnaireMapping.Canonical(d.Key)}|{d.Version.ToString(CultureInfo.InvariantCulture)}",
            Status = r.Status == Pathway.Data.Entities.ResponseStatus.Completed
                ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed
                : QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            Subject = patient,
            Authored = (r.CompletedAt ?? r.StartedAt).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        };
        var gates = d.Gates.Where(g => answers.Gates.ContainsKey(g.LinkId)).Select(g => new QuestionnaireResponse.ItemComponent
        {
            LinkId = g.LinkId, Text = g.Text,
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirBoolean(answers.Gates[g.LinkId]) }],
        }).ToList();
        if (gates.Count > 0)
            qr.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = QuestionnaireMapping.GatesLinkId, Item = gates });

        foreach (var item in d.Items)
        {
            if (d.Kind == InstrumentKind.RatingSheet)
            {
                var ratings = d.RatingScales
                    .Select(s => Answered($"{item.LinkId}.{s.Key}", s.Text, s.Options, answers, d.Key))
                    .OfType<QuestionnaireResponse.ItemComponent>().ToList();
                if (ratings.Count > 0) qr.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = item.LinkId, Text = item.Text, Item = ratings });
            }
            else if (Answered(item.LinkId, item.Text, item.OptionList, answers, d.Key) is { } answered)
            {
                qr.Item.Add(answered);
                if (item.ReasonRequired && answers.ReasonFor(item.LinkId) is { } reason)
                    qr.Item.Add(new QuestionnaireResponse.ItemComponent
                    {
                        LinkId = InstrumentEngine.ReasonField(item.LinkId), Text = $"Reason for the answer to: {item.Text}",
                        Answer = [new QuestionnaireResponse.AnswerComponent { Value = new FhirString(reason) }],
                    });
            }
        }
        return qr;
    }

    private static QuestionnaireResponse.ItemComponent? Answered(string linkId, string text, IReadOnlyList<ResponseOption> options, ResponseAnswers answers, string key)
    {
        if (!answers.Answers.TryGetValue(linkId, out var code)) return null;
        var option = options.FirstOrDefault(o => o.Code == code);
        if (option is null) return null;
        return new QuestionnaireResponse.ItemComponent
        {
            LinkId = linkId, Text = text,
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Coding(QuestionnaireMapping.CodeSystem(key), option.Code, option.Display) }],
        };
    }
}
