"""A cohort's mentor match is a core matching run (one model for every use of the kernel);
matches already stored as a JSON blob move over, with every team's outcome and reasons."""

import datetime as dt

import django.db.models.deletion
from django.db import migrations, models

from chanchuang import matching


def move_matches_out(apps, schema_editor):
    Cohort = apps.get_model("innovation", "Cohort")
    MatchRun = apps.get_model("core", "MatchRun")
    MatchOutcome = apps.get_model("core", "MatchOutcome")
    for cohort in Cohort.objects.exclude(mentor_match=None).select_related("programme"):
        match = cohort.mentor_match
        instance_data = {k: v for k, v in match["instance"].items() if k != "seed"}
        run_at = dt.datetime.fromisoformat(match["run_at"]) if match.get("run_at") else None
        run = MatchRun.objects.create(
            school_id=cohort.programme.school_id, purpose="innovation.mentor_match",
            status="done", seed=match["seed"], instance=instance_data, result=match["result"],
            finished_at=run_at, published_at=run_at)
        cohort.mentor_run = run
        cohort.save(update_fields=["mentor_run"])
        instance = matching.Instance.from_dict(instance_data)
        result = matching.Result.from_dict(match["result"])
        MatchOutcome.objects.bulk_create([
            MatchOutcome(run=run, participant=participant, assigned=assigned,
                         reasons=[{"position": r.position, "choice": r.choice_number,
                                   "reason": r.reason, "cutoff_rank": r.cutoff_rank,
                                   "your_rank": r.student_rank}
                                  for r in matching.explain(instance, result, participant)])
            for participant, assigned in match["result"]["assignment"].items()])


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0007_matchrun"),
        ("innovation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="cohort",
            name="mentor_run",
            field=models.ForeignKey(blank=True, editable=False, help_text="The latest run of the mentor match.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.matchrun", verbose_name="mentor match"),
        ),
        migrations.RunPython(move_matches_out, migrations.RunPython.noop),
        migrations.RemoveField(model_name="cohort", name="mentor_match"),
    ]
