import { longDate } from '../../domain/calendar';
import { publicPage } from './publicPage';

/**
 * When the public pages were last assessed and the statement brought up to date. The tests that make
 * the assessment (test/flows/accessibility.test.ts) run with every change; a change to what they check
 * or what they find is a new date here.
 */
const assessedOn = '2026-12-06';
const assessed = `<time datetime="${assessedOn}">${longDate(assessedOn, 'sv')}</time>`;

/**
 * The accessibility statement (tillgänglighetsredogörelse) that lag (2018:1937) om tillgänglighet
 * till digital offentlig service asks of the public register, in the structure of DIGG's model: who
 * stands behind the site, how accessible it is, what to do when something cannot be used, how to
 * report a shortcoming, the supervisory authority (DIGG) and its report function, compliance,
 * content that is not accessible or not covered, and when and how the site was assessed.
 */
export const accessibilityStatement = (): string =>
  publicPage({
    name: 'tillganglighetsredogorelse',
    title: 'Tillgänglighetsredogörelse – Botkyrka kommuns konton i sociala medier',
    main: `<h1>Tillgänglighetsredogörelse för Botkyrka kommuns konton i sociala medier</h1>
<p>Botkyrka kommun står bakom den här webbplatsen, registret över kommunens <a href="register">konton i sociala medier</a>. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan berätta för oss om brister, så att vi kan rätta dem.</p>
<h2 id="hur-tillganglig">Hur tillgänglig är webbplatsen?</h2>
<p>Vi känner inte till några brister. Sidorna har rubriker, tabeller och etiketter som skärmläsare kan läsa. Du kan använda dem med bara tangentbordet, förstora dem till 200 procent och läsa dem på en skärm som bara är 320 pixlar bred.</p>
<h2 id="om-du-inte-kan">Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Samma uppgifter som i registret finns som öppna data i två filer: <a href="register.json">JSON</a> och <a href="register.csv">CSV</a>, som du kan öppna i till exempel Excel. Behöver du uppgifterna på något annat sätt kan du ringa Botkyrka kommuns kontaktcenter på <a href="tel:+46853061000">08-530 610 00</a>.</p>
<h2 id="rapportera">Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Vi vill hela tiden göra webbplatsen bättre. Om du hittar ett problem som inte står på den här sidan, eller om du tycker att vi inte uppfyller lagens krav, ring kontaktcenter på <a href="tel:+46853061000">08-530 610 00</a> och berätta. Då får vi veta att problemet finns.</p>
<h2 id="tillsyn">Tillsyn</h2>
<p>Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsynen av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi tar hand om dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">anmäla det till DIGG</a>.</p>
<h2 id="teknisk-information">Teknisk information om webbplatsens tillgänglighet</h2>
<p>Webbplatsen är helt förenlig med lagen (2018:1937) om tillgänglighet till digital offentlig service.</p>
<h3 id="inte-tillgangligt">Innehåll som inte är tillgängligt</h3>
<p>Vi känner inte till något innehåll på webbplatsen som inte är tillgängligt.</p>
<h3 id="omfattas-inte">Innehåll som inte omfattas av lagkraven</h3>
<p>Registret länkar till kommunens konton på till exempel Facebook, Instagram och Youtube. De tjänsterna ägs och utvecklas inte av kommunen, och den här redogörelsen gäller inte dem.</p>
<h2 id="hur-vi-testat">Hur vi testat webbplatsen</h2>
<p>Vi bedömde webbplatsen själva den ${assessed}, med automatiska tester med axe-core och W3C:s Nu HTML Checker. Testerna går igenom varje sida: registret med konton, registret filtrerat, registret utan konton och den här redogörelsen. De kontrollerar</p>
<ul>
<li>att sidorna följer kraven i WCAG 2.1 på nivå A och AA som axe-core kan pröva</li>
<li>att sidorna är korrekt HTML</li>
<li>att du kan ta dig genom filtret till kontona med bara tangentbordet, och att du ser var du är</li>
<li>att inget behöver rullas i sidled på en skärm som är 320 pixlar bred eller med förstoring till 200 procent.</li>
</ul>
<p>Testerna körs varje gång webbplatsens kod ändras. Automatiska tester hittar inte alla brister, så berätta gärna för oss om du hittar något.</p>
<p>Redogörelsen uppdaterades senast den ${assessed}.</p>`,
  });
