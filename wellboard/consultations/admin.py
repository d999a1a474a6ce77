from django.contrib import admin

from wellboard.consultations.models import (
    Answer,
    ClientHit,
    Consultation,
    ConsultationEvent,
    EqualityAnswers,
    ParagraphComment,
    Question,
    Response,
    ThemeAnalysis,
    YouSaidWeDid,
)


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    raw_id_fields = ["priority"]


class EventInline(admin.TabularInline):
    model = ConsultationEvent
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "strategy", "opens", "closes", "status"]
    list_filter = ["status"]
    inlines = [QuestionInline, EventInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0


class EqualityInline(admin.StackedInline):
    model = EqualityAnswers
    extra = 0


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["id", "consultation", "submitted_at", "respondent_type", "moderation"]
    list_filter = ["moderation", "respondent_type"]
    inlines = [AnswerInline, EqualityInline]


@admin.register(ParagraphComment)
class ParagraphCommentAdmin(admin.ModelAdmin):
    list_display = ["id", "consultation", "paragraph_key", "moderation", "submitted_at"]
    list_filter = ["moderation"]


@admin.register(ClientHit)
class ClientHitAdmin(admin.ModelAdmin):
    list_display = ["scope", "client", "window_start", "count"]


@admin.register(ThemeAnalysis)
class ThemeAnalysisAdmin(admin.ModelAdmin):
    list_display = ["consultation", "engine", "comments", "computed_at"]


@admin.register(YouSaidWeDid)
class YouSaidWeDidAdmin(admin.ModelAdmin):
    list_display = ["consultation", "position", "theme", "you_said"]
