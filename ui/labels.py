"""Words the app shows for ids: life areas, nations and catalogue groups."""

from __future__ import annotations

AREA_LABELS = {
    "health_and_support": "Health and support",
    "getting_out": "Getting out",
    "looking_after_myself": "Looking after myself",
    "people_and_connection": "People and connection",
    "learning_and_skills": "Learning and skills",
    "volunteering_and_work": "Volunteering and work",
    "money_and_home": "Money and home",
}

NATION_LABELS = {
    "england": "England",
    "scotland": "Scotland",
    "wales": "Wales",
    "northern_ireland": "Northern Ireland",
}

STRENGTH_GROUP_LABELS = {
    "qualities": "Qualities",
    "skills": "Skills",
    "interests": "Interests",
    "people_and_things": "People and things that help",
    "people_and_services": "People and services around me",
    "about_me": "About me",
}

WORK_SITUATION_LABELS = {
    "not_working": "Not working",
    "wants_work_now": "Not working, and I want work now",
    "in_work": "In work",
    "starting_a_job": "Starting a job soon",
    "studying": "Studying",
}
