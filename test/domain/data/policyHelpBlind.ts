import type { Topic } from '../../../bot/domain/policyHelp';

/**
 * A held-out set for the policy help (issue 31, point 11): 60 questions, 30 Swedish and 30 English, as
 * municipal staff might ask them, each labelled with the section of the policy it is about. They were
 * written blind: from the seed text alone (`../shared/seeds/`) and `../shared/POLICY.md`, before the
 * help's word lists, synonyms or labelled questions (`bot/domain/policyHelp.ts`, `policyQuestions.ts`)
 * were read, and committed before them (commit 0fd030b, `policyHelpBlind.tsv`, this file's first form).
 * They were written by the developer of that change, not by a separate writer who never saw the
 * repository: the session had no way to start one. The section → topic column was added afterwards.
 * They are never added to the labelled questions the search is built from: a question here that the
 * search misses stays missed until the search learns it from other questions. Their score was read
 * before the search was changed (93.3 %) and after; their misses were not used to change the word
 * lists. One of them ("As a unit manager, should I keep an eye on …") came out nearly the same as a
 * labelled question written earlier by someone else ("as a manager, should I keep an eye on …").
 */
export const blind: readonly (readonly [language: 'sv' | 'en', question: string, section: string, topic: Topic])[] = [
  ["sv", "Måste jag säga att jag jobbar på kommunen när jag skriver om min arbetsplats på Facebook?", "Var gärna öppen med vem du är", "openness"],
  ["sv", "Ska jag skriva att det är mina egna åsikter när jag diskuterar skolfrågor på nätet?", "Var gärna öppen med vem du är", "openness"],
  ["sv", "Får jag kritisera kommunens beslut på min egen blogg?", "Du har både yttrandefrihet och meddelarfrihet", "freedom"],
  ["sv", "Jag jobbar inom socialtjänsten, får jag tipsa en journalist om ett ärende?", "Du har både yttrandefrihet och meddelarfrihet", "freedom"],
  ["sv", "Kan jag skriva elakt om en leverantör vi har dåliga erfarenheter av?", "Se upp med personangrepp, osaklig kritik och oanständigheter", "attacks"],
  ["sv", "Är det okej att klaga på en kollega i en Facebookgrupp?", "Se upp med personangrepp, osaklig kritik och oanständigheter", "attacks"],
  ["sv", "En elev blir uthängd på TikTok, vad gör jag?", "Uppmärksamma nätmobbning och andra brott", "bullying"],
  ["sv", "Jag såg att någon hotar en brukare i kommentarerna, vem ska jag säga till?", "Uppmärksamma nätmobbning och andra brott", "bullying"],
  ["sv", "Någon har lagt ut en video som får kommunen att se dålig ut, ska jag göra något?", "Vidarebefordra kritik", "forwardCriticism"],
  ["sv", "Får jag scrolla Facebook på arbetstid?", "Regler för dig som fått ett uppdrag i tjänsten (arbetstid)", "workTime"],
  ["sv", "Jag vill starta ett Instagramkonto för vår fritidsgård, hur gör jag?", "Få ett tydligt uppdrag", "assignment"],
  ["sv", "Vem ska godkänna att vi börjar twittra för biblioteket?", "Få ett tydligt uppdrag", "assignment"],
  ["sv", "Behöver jag fylla i aktivitetsplanen om jag bara vill följa vad andra kommuner skriver?", "Få ett tydligt uppdrag (omvärldsbevakning)", "assignment"],
  ["sv", "Var kan man se vilka konton kommunen har?", "Redovisa sociala medier", "register"],
  ["sv", "Hur snabbt måste jag svara på frågor i vår Facebookgrupp?", "Du som får ett uppdrag ska", "duties"],
  ["sv", "Hur ofta ska vi skriva en utvärdering av kontot?", "Planera och utvärdera din kommunikation", "evaluation"],
  ["sv", "Räcker det att lägga nyheten på Facebook eller måste den finnas på webben också?", "Använd sociala medier som komplement till www.botkyrka.se", "website"],
  ["sv", "Vilken profilbild ska vårt konto ha?", "Botkyrkas grafiska profil i sociala medier", "graphicProfile"],
  ["sv", "Vem har koll på vad folk skriver om kommunen på nätet?", "Mediebevakning", "mediaMonitoring"],
  ["sv", "Hur ska texterna låta när vi skriver inlägg?", "Skriv klarspråk och hitta tonen", "plainLanguage"],
  ["sv", "Hur många ska ha inloggningen till kontot?", "Administrera konto", "administration"],
  ["sv", "Var ska vi spara lösenordet till vår sida?", "Administrera konto", "administration"],
  ["sv", "Vi har inte lagt upp något sedan i våras, behöver vi ta bort sidan?", "Stäng passiva konton", "passive"],
  ["sv", "Får jag lägga upp bilder från förskolan där barnen syns?", "Följ juridiska villkor och lagarna", "legal"],
  ["sv", "Kan jag använda en låt jag gillar i en video vi gör?", "Följ juridiska villkor och lagarna", "legal"],
  ["sv", "Någon skrev ett klagomål i ett privat meddelande till vår sida, måste det registreras?", "Diarieför", "registration"],
  ["sv", "Någon skriver svordomar och rasistiska saker i kommentarerna, vad gör jag?", "Gallra olämpliga inlägg", "moderation"],
  ["sv", "Vem tar hand om sidan när jag är på semester?", "Gallra olämpliga inlägg", "moderation"],
  ["sv", "Hur sparar vi kontot till arkivet varje halvår?", "Dokumentera", "archiving"],
  ["sv", "Jag är politiker, kan jag länka till kommunens sida från min blogg?", "Politiska bloggar eller hemsidor", "politicians"],
  ["en", "Do I have to say I work for the municipality when I comment on stuff related to my job?", "Var gärna öppen med vem du är", "openness"],
  ["en", "If I write about my job online, should I mention that I'm not speaking for the council?", "Var gärna öppen med vem du är", "openness"],
  ["en", "Am I allowed to criticise the municipality publicly as an employee?", "Du har både yttrandefrihet och meddelarfrihet", "freedom"],
  ["en", "Can I leak information to the press if I work in a school?", "Du har både yttrandefrihet och meddelarfrihet", "freedom"],
  ["en", "Is it OK to vent about my boss on Twitter?", "Se upp med personangrepp, osaklig kritik och oanständigheter", "attacks"],
  ["en", "Can I say rude things about a supplier online?", "Se upp med personangrepp, osaklig kritik och oanständigheter", "attacks"],
  ["en", "A pupil is being bullied in a group chat, what should I do?", "Uppmärksamma nätmobbning och andra brott", "bullying"],
  ["en", "I found a post threatening one of our clients, who do I report it to?", "Uppmärksamma nätmobbning och andra brott", "bullying"],
  ["en", "I saw a newspaper article online slamming our department, should I tell anyone?", "Vidarebefordra kritik", "forwardCriticism"],
  ["en", "Can I use social media during working hours?", "Regler för dig som fått ett uppdrag i tjänsten (arbetstid)", "workTime"],
  ["en", "Who needs to approve a new Facebook page for my unit?", "Få ett tydligt uppdrag", "assignment"],
  ["en", "How do I get permission to run an Instagram account for work?", "Få ett tydligt uppdrag", "assignment"],
  ["en", "Do I need an activity plan if I only want to follow news on LinkedIn for work?", "Få ett tydligt uppdrag (omvärldsbevakning)", "assignment"],
  ["en", "Is there a list of all the municipality's official accounts?", "Redovisa sociala medier", "register"],
  ["en", "How quickly do I need to reply to messages on our page?", "Du som får ett uppdrag ska", "duties"],
  ["en", "Do we need to write a report on how our account is doing?", "Planera och utvärdera din kommunikation", "evaluation"],
  ["en", "As a unit manager, should I keep an eye on what people write about my unit online?", "Mediebevakning", "mediaMonitoring"],
  ["en", "Can our Facebook page replace our website?", "Använd sociala medier som komplement till www.botkyrka.se", "website"],
  ["en", "Should I link to botkyrka.se when I post news?", "Använd sociala medier som komplement till www.botkyrka.se", "website"],
  ["en", "What logo should our account use?", "Botkyrkas grafiska profil i sociala medier", "graphicProfile"],
  ["en", "What should I write in the bio of our official account?", "Botkyrkas grafiska profil i sociala medier", "graphicProfile"],
  ["en", "What tone should our posts have?", "Skriv klarspråk och hitta tonen", "plainLanguage"],
  ["en", "Who should have admin access to our account?", "Administrera konto", "administration"],
  ["en", "Where do we keep the login details?", "Administrera konto", "administration"],
  ["en", "Our account hasn't been used for months, what should we do?", "Stäng passiva konton", "passive"],
  ["en", "Can I post photos of kids from the preschool?", "Följ juridiska villkor och lagarna", "legal"],
  ["en", "Do I have to log messages we get on Facebook as official records?", "Diarieför", "registration"],
  ["en", "Someone posted porn in our comments, how fast do I have to remove it?", "Gallra olämpliga inlägg", "moderation"],
  ["en", "Do we need to take screenshots of the page for the archive?", "Dokumentera", "archiving"],
  ["en", "I'm a local politician, can I share municipal links on my blog?", "Politiska bloggar eller hemsidor", "politicians"],
];
