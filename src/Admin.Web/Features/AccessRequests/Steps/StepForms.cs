using Admin.Domain.AccessRequests;
using Admin.Domain.Charters;
using Admin.Domain.Common;
using FluentValidation;

namespace Admin.Web.Features.AccessRequests.Steps;

/// <summary>
/// What one step's form posts (fields under the "Form." prefix), and what it shows when it is
/// opened again: the section as saved. Property names follow the domain's error fields, so each
/// error lands next to its field.
/// </summary>
public abstract class StepForm
{
    public const string Prefix = "Form";

    public abstract AccessRequestStep Step { get; }

    public abstract IStepPage ToPage(StepHeader header, StepExtras extras);

    /// <summary>Whether some of what was posted could not be kept (so the step is shown again rather than left).</summary>
    public virtual bool LostSomething(IReadOnlyList<Error> errors) => false;

    public static StepForm From(AccessRequest request, AccessRequestStep step, CharterVersion currentCharter)
    {
        ArgumentNullException.ThrowIfNull(request);
        return step switch
        {
            AccessRequestStep.Procedure => ProcedureForm.From(request.Procedure),
            AccessRequestStep.LegalBasis => new LegalBasisForm { Title = request.LegalBasis.Title, Url = request.LegalBasis.Url },
            AccessRequestStep.Scopes => new ScopesForm { Scopes = [.. request.Scopes] },
            AccessRequestStep.DataProtection => DataProtectionForm.From(request.DataProtection),
            AccessRequestStep.Contacts => ContactsForm.From(request.Contacts),
            AccessRequestStep.Engagements => EngagementsForm.From(request.Engagements, currentCharter),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }
}

public sealed class ProcedureForm : StepForm
{
    public override AccessRequestStep Step => AccessRequestStep.Procedure;
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? PublicUrl { get; set; }
    public string? Simplification { get; set; }
    public DateOnly? ExpectedGoLive { get; set; }
    public int? YearlyVolume { get; set; }
    public List<ProcedureModalities> Modalities { get; set; } = [];

    public static ProcedureForm From(Procedure procedure) => new()
    {
        Name = procedure.Name,
        Description = procedure.Description,
        PublicUrl = procedure.PublicUrl,
        Simplification = procedure.Simplification,
        ExpectedGoLive = procedure.ExpectedGoLive,
        YearlyVolume = procedure.YearlyVolume,
        Modalities = [.. StepLabels.Modalities.Keys.Where(m => procedure.Modalities.HasFlag(m))],
    };

    public Procedure ToDomain() => new(Name, Description, PublicUrl, Simplification, ExpectedGoLive, YearlyVolume,
        Modalities.Aggregate(ProcedureModalities.None, (all, m) => all | m));

    public override IStepPage ToPage(StepHeader header, StepExtras extras) => new StepPage<ProcedureForm>(header, this, extras);
}

public sealed class LegalBasisForm : StepForm
{
    public override AccessRequestStep Step => AccessRequestStep.LegalBasis;
    public string? Title { get; set; }
    public string? Url { get; set; }

    /// <summary>A new PDF, replacing the current one; the current one stays when none is sent.</summary>
    public IFormFile? Document { get; set; }

    /// <summary>A PDF that was sent and refused is not stored: the partner must see why before going on.</summary>
    public override bool LostSomething(IReadOnlyList<Error> errors) =>
        Document is not null && errors.Any(e => e.Field == nameof(Document));

    public override IStepPage ToPage(StepHeader header, StepExtras extras) => new StepPage<LegalBasisForm>(header, this, extras);
}

public sealed class ScopesForm : StepForm
{
    public override AccessRequestStep Step => AccessRequestStep.Scopes;
    public List<string> Scopes { get; set; } = [];

    public override IStepPage ToPage(StepHeader header, StepExtras extras) => new StepPage<ScopesForm>(header, this, extras);
}

public sealed class DataProtectionForm : StepForm
{
    public override AccessRequestStep Step => AccessRequestStep.DataProtection;
    public string? Recipients { get; set; }
    public int? RetentionMonths { get; set; }
    public string? RetentionJustification { get; set; }

    public static DataProtectionForm From(DataProtection section) => new()
    {
        Recipients = section.Recipients,
        RetentionMonths = section.RetentionMonths,
        RetentionJustification = section.RetentionJustification,
    };

    public DataProtection ToDomain() => new(Recipients, RetentionMonths, RetentionJustification);

    public override IStepPage ToPage(StepHeader header, StepExtras extras) => new StepPage<DataProtectionForm>(header, this, extras);
}

public sealed class ContactForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    public static ContactForm From(Contact contact) => new()
    {
        FirstName = contact.FirstName,
        LastName = contact.LastName,
        Email = contact.Email,
        Phone = contact.Phone,
    };

    public Contact ToDomain() => new(FirstName, LastName, Email, Phone);
}

public sealed class ContactsForm : StepForm
{
    public override AccessRequestStep Step => AccessRequestStep.Contacts;
    public ContactForm BusinessContact { get; set; } = new();
    public ContactForm TechnicalContact { get; set; } = new();
    public ContactForm Dpo { get; set; } = new();

    public static ContactsForm From(Contacts contacts) => new()
    {
        BusinessContact = ContactForm.From(contacts.BusinessContact),
        TechnicalContact = ContactForm.From(contacts.TechnicalContact),
        Dpo = ContactForm.From(contacts.Dpo),
    };

    public Contacts ToDomain() => new(BusinessContact.ToDomain(), TechnicalContact.ToDomain(), Dpo.ToDomain());

    public override IStepPage ToPage(StepHeader header, StepExtras extras) => new StepPage<ContactsForm>(header, this, extras);
}

public sealed class EngagementsForm : StepForm
{
    public override AccessRequestStep Step => AccessRequestStep.Engagements;

    /// <summary>The box "J'accepte la charte"; named after the domain's error field.</summary>
    public bool CharterAcceptance { get; set; }

    public bool DpoInformed { get; set; }
    public bool CitizenConsentCommitment { get; set; }

    /// <summary>The box is checked only when the acceptance on file still covers the current charter.</summary>
    public static EngagementsForm From(Engagements engagements, CharterVersion currentCharter) => new()
    {
        CharterAcceptance = engagements.CharterMajor is { } major && currentCharter.IsCoveredByAcceptanceOf(major),
        DpoInformed = engagements.DpoInformed,
        CitizenConsentCommitment = engagements.CitizenConsentCommitment,
    };

    public override IStepPage ToPage(StepHeader header, StepExtras extras) => new StepPage<EngagementsForm>(header, this, extras);
}

/// <summary>
/// Sections are saved as typed, but a text longer than its column cannot be stored: such a form
/// is refused whole (the browser's maxlength normally prevents it) and shown again as typed.
/// </summary>
internal static class StepFormValidators
{
    public static void AddTo(FluentValidation.Validators.PolymorphicValidator<SaveStep.Command, StepForm> validators) => validators
        .Add(new ProcedureValidator())
        .Add(new LegalBasisValidator())
        .Add(new DataProtectionValidator())
        .Add(new ContactsValidator());

    /// <summary>Counts as the domain does: Windows line breaks as one character, surrounding blanks ignored.</summary>
    private static IRuleBuilderOptions<T, string?> FitsIn<T>(this IRuleBuilder<T, string?> rule, int maxLength, Error tooLong) =>
        rule.Must(v => v is null || v.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Length <= maxLength)
            .WithMessage(tooLong.Message).WithErrorCode(tooLong.Code);

    private sealed class ProcedureValidator : AbstractValidator<ProcedureForm>
    {
        public ProcedureValidator()
        {
            RuleFor(f => f.Name).FitsIn(Procedure.NameMaxLength, AccessRequestErrors.ProcedureNameTooLong);
            RuleFor(f => f.Description).FitsIn(Procedure.DescriptionMaxLength, AccessRequestErrors.ProcedureDescriptionTooLong);
            RuleFor(f => f.PublicUrl).FitsIn(Procedure.PublicUrlMaxLength, AccessRequestErrors.ProcedureUrlTooLong);
            RuleFor(f => f.Simplification).FitsIn(Procedure.SimplificationMaxLength, AccessRequestErrors.SimplificationTooLong);
        }
    }

    private sealed class LegalBasisValidator : AbstractValidator<LegalBasisForm>
    {
        public LegalBasisValidator()
        {
            RuleFor(f => f.Title).FitsIn(LegalBasis.TitleMaxLength, AccessRequestErrors.LegalTitleTooLong);
            RuleFor(f => f.Url).FitsIn(LegalBasis.UrlMaxLength, AccessRequestErrors.LegalUrlTooLong);
        }
    }

    private sealed class DataProtectionValidator : AbstractValidator<DataProtectionForm>
    {
        public DataProtectionValidator()
        {
            RuleFor(f => f.Recipients).FitsIn(DataProtection.RecipientsMaxLength, AccessRequestErrors.RecipientsTooLong);
            RuleFor(f => f.RetentionJustification).FitsIn(DataProtection.JustificationMaxLength, AccessRequestErrors.RetentionJustificationTooLong);
        }
    }

    private sealed class ContactsValidator : AbstractValidator<ContactsForm>
    {
        private static readonly Error EmailTooLong = new("access_request.contact_email_too_long", "L'adresse électronique ne doit pas dépasser 254 caractères.");
        private static readonly Error PhoneTooLong = new("access_request.contact_phone_too_long", "Le numéro de téléphone ne doit pas dépasser 30 caractères.");

        public ContactsValidator()
        {
            RuleFor(f => f.BusinessContact).SetValidator(new ContactValidator());
            RuleFor(f => f.TechnicalContact).SetValidator(new ContactValidator());
            RuleFor(f => f.Dpo).SetValidator(new ContactValidator());
        }

        private sealed class ContactValidator : AbstractValidator<ContactForm>
        {
            public ContactValidator()
            {
                RuleFor(f => f.FirstName).FitsIn(Contact.NameMaxLength, AccessRequestErrors.ContactNameTooLong);
                RuleFor(f => f.LastName).FitsIn(Contact.NameMaxLength, AccessRequestErrors.ContactNameTooLong);
                RuleFor(f => f.Email).FitsIn(254, EmailTooLong);
                RuleFor(f => f.Phone).FitsIn(30, PhoneTooLong);
            }
        }
    }
}
