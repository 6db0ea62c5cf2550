using Admin.Domain.Authorizations;

namespace Admin.Domain.Tests.Authorizations;

public class ExpiryReminderTests
{
    private static readonly DateOnly ExpiresOn = new(2028, 3, 31);

    [Theory]
    [InlineData(120, null)]
    [InlineData(91, null)]
    [InlineData(90, 90)]
    [InlineData(61, 90)]
    [InlineData(60, 60)]
    [InlineData(45, 60)]
    [InlineData(30, 30)]
    [InlineData(15, 15)]
    [InlineData(8, 15)]
    [InlineData(7, 7)]
    [InlineData(1, 7)]
    [InlineData(0, 0)]
    [InlineData(-1, null)]
    public void The_step_due_is_the_latest_one_reached(int daysLeft, int? step)
    {
        Assert.Equal(step, ExpiryReminder.DueStep(ExpiresOn, ExpiresOn.AddDays(-daysLeft)));
    }
}
