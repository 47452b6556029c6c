using Hl7.Fhir.Model;
using Pathway.Web.Tests.Infrastructure;

namespace Pathway.Web.Tests.Fhir;

/// <summary>The FHIR tests are only worth something if the validator they rely on rejects bad resources.</summary>
public sealed class FhirValidationSelfTests
{
    [Fact]
    public void Validator_RejectsAQuestionnaireWithoutStatus_AndAnItemWithoutLinkId()
    {
        var q = new Questionnaire { Item = [new Questionnaire.ItemComponent { Type = Questionnaire.QuestionnaireItemType.Boolean, Text = "x" }] };
        var problems = FhirValidation.Problems(q);
        Assert.Contains(problems, p => p.Contains("status", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Contains("linkId", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Validator_AcceptsAMinimalValidPatient()
    {
        Assert.Empty(FhirValidation.Problems(new Patient { Gender = AdministrativeGender.Female, BirthDate = "1990-02-03" }));
    }
}
