
namespace Pathway.E2E.Infrastructure;

/// <summary>
/// axe runs once per distinct rendering (<see cref="Accessibility.RenderingKey"/>): these pin what counts as the same
/// rendering, so that a page showing something new is always scanned.
/// </summary>
public sealed class AccessibilityScanKeyTests
{
    private const string Case = "http://127.0.0.1:5000/cases/3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private const string OtherCase = "http://127.0.0.1:5000/cases/a1b2c3d4-0000-4000-8000-000000000001";

    [Fact]
    public void TheSameTemplate_WithOtherIdentifiers_MoreRows_OtherLinks_AndOtherText_IsTheSameRendering()
    {
        var one = Accessibility.RenderingKey(Case + "/contacts?page=1", 1280,
            "<nav class=\"moj-primary-navigation\"><a class=\"moj-primary-navigation__link\">Cases</a></nav><main class=\"govuk-main-wrapper\"><table class=\"govuk-table\"><tr class=\"govuk-table__row\"><td>Ann</td></tr></table></main>");
        var many = Accessibility.RenderingKey(OtherCase + "/contacts?page=7", 1280,
            "<nav class=\"moj-primary-navigation\"><a class=\"moj-primary-navigation__link\">Cases</a><a class=\"moj-primary-navigation__link\">Manage</a></nav><main class=\"govuk-main-wrapper\"><table class=\"govuk-table\"><tr class=\"govuk-table__row\"><td>Bo</td></tr><tr class=\"govuk-table__row\"><td>Cy</td></tr></table></main>");

        Assert.Equal(one, many);
    }

    [Fact]
    public void AnErrorSummary_ANewComponent_AnotherWidth_OrAnotherPage_IsADifferentRendering()
    {
        const string form = "<main class=\"govuk-main-wrapper\"><form><input class=\"govuk-input\" type=\"text\"></form></main>";
        var plain = Accessibility.RenderingKey(Case + "/contacts/new", 1280, form);

        Assert.NotEqual(plain, Accessibility.RenderingKey(Case + "/contacts/new", 1280,
            "<div class=\"govuk-error-summary\" role=\"alert\"></div>" + form));
        Assert.NotEqual(plain, Accessibility.RenderingKey(Case + "/contacts/new", 1280,
            form.Replace("<form>", "<form><div class=\"govuk-date-input\"></div>", StringComparison.Ordinal)));
        Assert.NotEqual(plain, Accessibility.RenderingKey(Case + "/contacts/new", 1280,
            form.Replace("<form>", "<form><strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>", StringComparison.Ordinal)));
        Assert.NotEqual(plain, Accessibility.RenderingKey(Case + "/contacts/new", 1280,
            form.Replace("<form>", "<form><select name=\"x\"></select>", StringComparison.Ordinal)));
        Assert.NotEqual(plain, Accessibility.RenderingKey(Case + "/contacts/new", 390, form));
        Assert.NotEqual(plain, Accessibility.RenderingKey(Case + "/licences/new", 1280, form));
        Assert.NotEqual(plain, Accessibility.RenderingKey(Case + "/contacts/new?step=2", 1280, form));
    }

    [Fact]
    public void HiddenInputs_DoNotCount()
    {
        const string form = "<form><button class=\"govuk-button\"></button></form>";
        Assert.Equal(Accessibility.RenderingKey(Case, 1280, form),
            Accessibility.RenderingKey(Case, 1280, form.Replace("<form>", "<form><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"x\">", StringComparison.Ordinal)));
    }
}
