// Sidebar entry: boots the views. PLACEHOLDER until the sidebar work lands.
import './styles.css';

const app = document.getElementById('app');
if (app) app.textContent = 'Lever for Sheets';
